using System.CommandLine;

namespace Router.Cli.Commands;

/// <summary>`router emulate`. (Placeholder until its owner lands it.)</summary>
internal static class EmulateCommand
{
    public static Command Create()
    {
        Command command = new("emulate", "not built yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("router emulate: not built yet");
            return 2;
        });
        return command;
    }
}

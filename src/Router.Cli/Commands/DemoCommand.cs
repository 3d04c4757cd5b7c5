using System.CommandLine;

namespace Router.Cli.Commands;

/// <summary>`router demo`. (Placeholder until its owner lands it.)</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        Command command = new("demo", "not built yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("router demo: not built yet");
            return 2;
        });
        return command;
    }
}

using System.CommandLine;

namespace Router.Cli.Commands;

/// <summary>`router route`. (Placeholder until its owner lands it.)</summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        Command command = new("route", "not built yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("router route: not built yet");
            return 2;
        });
        return command;
    }
}

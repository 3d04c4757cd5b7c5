using System.CommandLine;

namespace Router.Cli.Commands;

/// <summary>`router lsp`. (Placeholder until its owner lands it.)</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        Command command = new("lsp", "not built yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("router lsp: not built yet");
            return 2;
        });
        return command;
    }
}

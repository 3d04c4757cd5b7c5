using System.CommandLine;
using Router.Cli.Logging;
#if ROUTER_GATEWAY
using Router.Cli.Serving;
#endif

namespace Router.Cli.Commands;

/// <summary><c>router serve</c>: the router as an OpenAI-, Anthropic- and Ollama-compatible HTTP gateway, for the tools beside
/// the editor. Built into the dotnet tool only (it needs ASP.NET Core); elsewhere it says how to get it.</summary>
internal static class ServeCommand
{
    public const string NotBuiltIn =
        "router serve: this build of router has no gateway (the server shipped in the editor extension leaves ASP.NET Core out). " +
        "Install the dotnet tool, which has it: dotnet tool install -g router-lsp";

    public static Command Create(RouterLogs logs)
    {
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default). Edits apply without a restart." };
        Option<string> listen = new("--listen") { Description = "Address and port to listen on; anything but loopback needs --keys.", DefaultValueFactory = _ => "127.0.0.1:4000" };
        Option<string?> keys = new("--keys") { Description = "Keys file (YAML or JSON): each key's SHA-256, name, allowed tiers, daily budget and requests per minute." };
        Option<bool> hashKey = new("--hash-key") { Description = "Read a key from standard input and print the hash to put in the keys file, then exit." };
        Command command = new("serve", "Serve the router over HTTP: OpenAI (/v1/chat/completions, /v1/completions, /v1/models), Anthropic (/v1/messages) and Ollama (/api/*) APIs.");
        command.Options.Add(config);
        command.Options.Add(listen);
        command.Options.Add(keys);
        command.Options.Add(hashKey);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
#if ROUTER_GATEWAY
            ServeInvocation invocation = new(parseResult.GetValue(config), parseResult.GetValue(listen) ?? "127.0.0.1:4000", parseResult.GetValue(keys), parseResult.GetValue(hashKey));
            return await ServeRunner.RunAsync(invocation, Console.In, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, logs.Factory, cancellationToken);
#else
            _ = logs;
            await Console.Error.WriteLineAsync(NotBuiltIn.AsMemory(), cancellationToken);
            return 2;
#endif
        });
        return command;
    }
}

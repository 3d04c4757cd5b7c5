using System.CommandLine;
using System.Text.Json;
using Router.Cli.Routing;
using Router.Cli.Terminal;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime.Configuration;

namespace Router.Cli.Commands;

/// <summary>`router route`: a dry run of the routing policy, no network. Batch JSONL or one prompt as a table.</summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        Command command = new("route", "Show where requests would be routed and why (a dry run: nothing is sent to any model).");
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default)." };
        Option<string?> batch = new("--batch") { Description = "A JSONL file of requests; one decision line per request line on stdout." };
        Option<bool> json = new("--json") { Description = "Write decisions as JSON lines." };
        Option<string> kind = new("--kind") { Description = "Request kind for a single prompt: completion, explain, refactor or chat.", DefaultValueFactory = _ => "chat" };
        Option<string?> file = new("--file") { Description = "Path of the document the prompt is about." };
        Option<string?> language = new("--language") { Description = "Language id of that document." };
        Argument<string?> prompt = new("prompt") { Arity = ArgumentArity.ZeroOrOne, Description = "The prompt or selected text." };
        command.Options.Add(config);
        command.Options.Add(batch);
        command.Options.Add(json);
        command.Options.Add(kind);
        command.Options.Add(file);
        command.Options.Add(language);
        command.Arguments.Add(prompt);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            RouteInvocation invocation = new(
                parseResult.GetValue(config),
                parseResult.GetValue(batch),
                parseResult.GetValue(json),
                parseResult.GetValue(kind) ?? "chat",
                parseResult.GetValue(file),
                parseResult.GetValue(language),
                parseResult.GetValue(prompt));
            return await RunAsync(invocation, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, cancellationToken);
        });
        return command;
    }

    /// <summary>The whole command with its streams and environment passed in, so tests run it in-process.</summary>
    public static async Task<int> RunAsync(
        RouteInvocation invocation,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr = RedactingWriter.Wrap(stderr);

        if (await RouterConfigSource.LoadReportingAsync("route", invocation.ConfigPath, currentDirectory, environment, stderr, cancellationToken) is not { } routerConfig)
        {
            return 2;
        }

        RoutePolicy policy = new(routerConfig);
        if (invocation.BatchPath is not null)
        {
            StreamReader input;
            try
            {
                input = new StreamReader(invocation.BatchPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"router route: cannot read {invocation.BatchPath}: {ex.Message}".AsMemory(), cancellationToken);
                return 1;
            }

            using (input)
            {
                await new RouteBatchRunner(policy).RunAsync(input, stdout, cancellationToken);
            }

            return 0;
        }

        if (!RequestKindNames.TryParse(invocation.Kind, out RequestKind? kind))
        {
            await stderr.WriteLineAsync($"router route: unknown kind '{invocation.Kind}' (completion, explain, refactor or chat)".AsMemory(), cancellationToken);
            return 1;
        }

        if (string.IsNullOrWhiteSpace(invocation.Prompt))
        {
            await stderr.WriteLineAsync("router route: give a prompt, e.g. router route --kind explain \"why is this slow\", or --batch FILE".AsMemory(), cancellationToken);
            return 1;
        }

        RouteRequest request = new("cli", kind.Value)
        {
            Text = kind == RequestKind.Completion ? null : invocation.Prompt,
            Prefix = kind == RequestKind.Completion ? invocation.Prompt : null,
            File = invocation.File,
            Language = invocation.Language,
        };
        RouteDecision decision = policy.Decide(request);
        string text = invocation.Json
            ? JsonSerializer.Serialize(RouteLineMapper.ToLine(decision), RouteJsonContext.Default.RouteDecisionLine) + "\n"
            : DecisionTable.Format(decision, routerConfig.Source);
        await stdout.WriteAsync(text.AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        return 0;
    }
}

using System.CommandLine;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Backends.Endpoints;
using Router.Cli.Asking;
using Router.Cli.Logging;
using Router.Cli.Terminal;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime;
using Router.Runtime.Chat;
using Router.Runtime.Configuration;
using Router.Runtime.Dispatch;
using Router.Runtime.Inventory;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

// Microsoft.Extensions.AI has an abstract RoutingChatClient of its own (pick one client per request).
using RoutingChatClient = Router.Runtime.Chat.RoutingChatClient;

namespace Router.Cli.Commands;

/// <summary>`router ask`: routes one prompt through <see cref="RoutingChatClient"/>, streams the answer from the host that serves it,
/// then says where it went and why.</summary>
internal static class AskCommand
{
    public static Command Create(RouterLogs logs)
    {
        Command command = new("ask", "Ask a model: route the prompt, stream the answer, then print the route, host, tokens, latency and any fallback or escalation.");
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default)." };
        Option<string> kind = new("--kind") { Description = "Request kind: completion, explain, refactor or chat.", DefaultValueFactory = _ => "chat" };
        Option<string?> file = new("--file") { Description = "A file the prompt is about; its text is sent with the prompt." };
        Option<string?> language = new("--language") { Description = "Language id of that file." };
        Argument<string?> prompt = new("prompt") { Arity = ArgumentArity.ZeroOrOne, Description = "The prompt." };
        command.Options.Add(config);
        command.Options.Add(kind);
        command.Options.Add(file);
        command.Options.Add(language);
        command.Arguments.Add(prompt);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            AskInvocation invocation = new(
                parseResult.GetValue(config),
                parseResult.GetValue(kind) ?? "chat",
                parseResult.GetValue(file),
                parseResult.GetValue(language),
                parseResult.GetValue(prompt));
            return await RunAsync(invocation, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, logs.Factory, cancellationToken);
        });
        return command;
    }

    /// <summary>The whole command with its streams and environment passed in, so tests run it in-process. The answer goes to
    /// <paramref name="stdout"/>; markers, the summary and errors to <paramref name="stderr"/>, so the answer can be piped alone.</summary>
    public static Task<int> RunAsync(
        AskInvocation invocation,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        Func<string, string?> environment,
        CancellationToken cancellationToken) =>
        RunAsync(invocation, stdout, stderr, currentDirectory, environment, NullLoggerFactory.Instance, cancellationToken);

    /// <summary>As above, logging the dispatch (route, attempts, fallback, escalation; never the prompt) to <paramref name="logs"/>.</summary>
    public static async Task<int> RunAsync(
        AskInvocation invocation,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        Func<string, string?> environment,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(logs);
        stderr = RedactingWriter.Wrap(stderr);

        if (await RouterConfigSource.LoadReportingAsync("ask", invocation.ConfigPath, currentDirectory, environment, stderr, cancellationToken) is not { } routerConfig)
        {
            return 2;
        }

        if (!RequestKindNames.TryParse(invocation.Kind, out RequestKind? kind))
        {
            await stderr.WriteLineAsync($"router ask: unknown kind '{invocation.Kind}' (completion, explain, refactor or chat)".AsMemory(), cancellationToken);
            return 1;
        }

        if (string.IsNullOrWhiteSpace(invocation.Prompt))
        {
            await stderr.WriteLineAsync("router ask: give a prompt, e.g. router ask --kind explain --file src/app.py \"what does this do\"".AsMemory(), cancellationToken);
            return 1;
        }

        string? fileText = null;
        if (invocation.File is { } path)
        {
            try
            {
                fileText = await File.ReadAllTextAsync(Path.Combine(currentDirectory, path), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"router ask: cannot read {path}: {e.Message}".AsMemory(), cancellationToken);
                return 1;
            }
        }

        IUsageLedger ledger;
        try
        {
            ledger = await ConfiguredLedger.OpenAsync(routerConfig.Ledger, environment, logs.CreateLogger("ledger"), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync($"router ask: {e.Message}".AsMemory(), cancellationToken);
            return 2;
        }

        using ModelProviderPool providers = new(readVariable: environment);
        await using RouterRuntime runtime = new(
            providers, new HostInventory(readVariable: environment), ledger, dispatch: new DispatchOptions { Logger = logs.CreateLogger("dispatch") });
        (ledger as PostgresUsageLedger)?.ShareHealth(runtime.Health);
        RoutingChatClient router = new(runtime, routerConfig);
        ChatOptions options = new()
        {
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [RoutingChatKeys.Kind] = kind.Value.Name(),
                [RoutingChatKeys.File] = invocation.File,
                [RoutingChatKeys.Language] = invocation.Language,
            },
        };
        IAsyncEnumerable<ChatResponseUpdate> updates;
        try
        {
            updates = router.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, MessageText(kind.Value, invocation, fileText))], options, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync($"router ask: {e.Message}".AsMemory(), cancellationToken);
            return 2;
        }

        AnswerPrinter printer = new(stdout, stderr);
        RoutedAnswer? answer = null;
        try
        {
            await foreach (ChatResponseUpdate update in updates)
            {
                switch (update.RawRepresentation)
                {
                    case DispatchEvent dispatchEvent:
                        await printer.OnEventAsync(dispatchEvent, cancellationToken);
                        break;
                    case RoutedAnswer routed:
                        answer = routed;
                        break;
                }
            }
        }
        catch (DispatchFailedException e)
        {
            await printer.EndLineAsync(CancellationToken.None);
            await stderr.WriteLineAsync($"router ask: {e.Message}".AsMemory(), CancellationToken.None);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await printer.EndLineAsync(CancellationToken.None);
            await stderr.WriteLineAsync("router ask: cancelled".AsMemory(), CancellationToken.None);
            return 130;
        }

        await printer.EndLineAsync(cancellationToken);
        (RouteDecision decision, DispatchResult result) = answer ?? throw new InvalidOperationException("the router's stream ended without its answer");
        if (!string.Equals(printer.Shown, result.Text, StringComparison.Ordinal))
        {
            // The escalated answer was not kept (it failed or came back empty): show the answer that is returned.
            await stderr.WriteLineAsync("[the first answer is kept:]".AsMemory(), cancellationToken);
            await stdout.WriteLineAsync(result.Text.AsMemory(), cancellationToken);
        }

        await stderr.WriteAsync(AskSummary.Format(decision, result).AsMemory(), cancellationToken);
        await stderr.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>The one message `ask` sends: for a completion the code before the cursor (the file, then the prompt appended
    /// at its end); otherwise the prompt with the file's text fenced below it.</summary>
    private static string MessageText(RequestKind kind, AskInvocation invocation, string? fileText)
    {
        string prompt = invocation.Prompt!;
        if (kind == RequestKind.Completion)
        {
            return (fileText ?? "") + prompt;
        }

        return fileText is null ? prompt : $"{prompt}\n\n```{invocation.Language}\n{fileText.TrimEnd()}\n```";
    }
}

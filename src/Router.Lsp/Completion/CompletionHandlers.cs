using System.Text.Json;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Completion;

/// <summary>Maps <c>textDocument/inlineCompletion</c> and <c>textDocument/completion</c> onto the completion service.</summary>
internal sealed class CompletionHandlers(CompletionService completions)
{
    private static readonly InlineCompletionList NoInlineCompletion = new([]);
    private static readonly CompletionList NoCompletion = new(false, []);
    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

    public async ValueTask<InlineCompletionList> InlineCompletionAsync(InlineCompletionParams request, CancellationToken cancellationToken)
    {
        ShownCompletion shown = await completions.CompleteAsync(
            LspMethods.InlineCompletion, request.TextDocument.Uri, request.Position, request.Context?.TriggerKind == InlineCompletionTriggerKind.Invoked, cancellationToken);
        if (shown.Text.Length == 0)
        {
            return NoInlineCompletion;
        }

        // The editor runs the item's command when the user accepts it (VS Code does; Neovim and eglot do not), which books the accept.
        Command? accepted = shown.RequestId is { } id
            ? new Command("Completion accepted", RouterCommands.CompletionAccepted, [JsonSerializer.SerializeToElement(new RouterCompletionAcceptedArguments(id, shown.Text.Length), RouterJsonContext.Default.RouterCompletionAcceptedArguments)])
            : null;
        return new InlineCompletionList([new InlineCompletionItem(shown.Text, new Range(request.Position, request.Position), Command: accepted)]);
    }

    /// <summary><c>router.completionAccepted</c>: the user took an inline completion.</summary>
    public ValueTask<JsonElement> AcceptedAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RouterCompletionAcceptedArguments? accepted = null;
        try
        {
            accepted = request.Arguments is [JsonElement first, ..] ? first.Deserialize(RouterJsonContext.Default.RouterCompletionAcceptedArguments) : null;
        }
        catch (JsonException e)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{RouterCommands.CompletionAccepted}: the argument is not {{requestId, characters}}: {e.Message}");
        }

        if (accepted is null || string.IsNullOrWhiteSpace(accepted.RequestId))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{RouterCommands.CompletionAccepted} needs one argument {{requestId, characters}}");
        }

        completions.Acceptance.Accepted(accepted.RequestId, accepted.Characters);
        return ValueTask.FromResult(Null);
    }

    /// <summary>One item for clients without inline completion; it inserts at the cursor through a text edit.</summary>
    public async ValueTask<CompletionList> CompletionAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        string text = (await completions.CompleteAsync(
            LspMethods.Completion, request.TextDocument.Uri, request.Position, request.Context?.TriggerKind == CompletionTriggerKind.Invoked, cancellationToken)).Text;
        if (text.Length == 0)
        {
            return NoCompletion;
        }

        CompletionItem item = new(Label(text))
        {
            Kind = CompletionItemKind.Snippet,
            Detail = "AI completion",
            InsertTextFormat = InsertTextFormat.PlainText,
            TextEdit = new TextEdit(new Range(request.Position, request.Position), text),
        };

        // Incomplete, so the client asks again as the user types instead of filtering a stale answer.
        return new CompletionList(true, [item]);
    }

    private static string Label(string text)
    {
        string firstLine = text.TrimStart().Split('\n', 2)[0].TrimEnd('\r');
        return firstLine.Length <= 60 ? firstLine : firstLine[..57] + "...";
    }
}

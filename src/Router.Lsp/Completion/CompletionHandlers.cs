using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Completion;

/// <summary>Maps <c>textDocument/inlineCompletion</c> and <c>textDocument/completion</c> onto the completion service.</summary>
internal sealed class CompletionHandlers(CompletionService completions)
{
    private static readonly InlineCompletionList NoInlineCompletion = new([]);
    private static readonly CompletionList NoCompletion = new(false, []);

    public async ValueTask<InlineCompletionList> InlineCompletionAsync(InlineCompletionParams request, CancellationToken cancellationToken)
    {
        string text = await completions.CompleteAsync(
            LspMethods.InlineCompletion, request.TextDocument.Uri, request.Position, request.Context?.TriggerKind == InlineCompletionTriggerKind.Invoked, cancellationToken);
        return text.Length == 0
            ? NoInlineCompletion
            : new InlineCompletionList([new InlineCompletionItem(text, new Range(request.Position, request.Position))]);
    }

    /// <summary>One item for clients without inline completion; it inserts at the cursor through a text edit.</summary>
    public async ValueTask<CompletionList> CompletionAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        string text = await completions.CompleteAsync(
            LspMethods.Completion, request.TextDocument.Uri, request.Position, request.Context?.TriggerKind == CompletionTriggerKind.Invoked, cancellationToken);
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

using Router.Core.Requests;
using Router.Protocol.Lsp;

namespace Router.Lsp.Assistant;

/// <summary>Turns a refactor answer into an edit of the selection the user can review. An answer still judged weak after its
/// one escalation (for C#: code Roslyn cannot parse) is not offered as an edit; the message says why.</summary>
internal sealed class RefactorEditor(AssistantService assistant)
{
    public async Task<RouterRefactorResult> RefactorAsync(RouterSelectionArguments selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        string instruction = string.IsNullOrWhiteSpace(selection.Instruction) ? "Improve this code without changing its behaviour." : selection.Instruction;
        AssistantAnswer answer = await assistant.AnswerAsync(new AssistantAsk(RequestKind.Refactor, selection.Uri, selection.Range, instruction), cancellationToken);
        string served = $"{answer.Result.Model} on {answer.Result.Endpoint}";
        if (answer.Result.Verdict.IsWeak)
        {
            return new RouterRefactorResult(null, $"No edit offered: {answer.Result.Verdict.Reason} ({served}).");
        }

        string code = CodeFence.Extract(answer.Result.Text);
        string original = answer.Selection;

        // Keep the selection's own line ending, so replacing whole lines doesn't join the next one.
        if (original.EndsWith('\n') && !code.EndsWith('\n'))
        {
            code += original.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        }

        if (code.Trim().Length == 0 || string.Equals(code.Trim(), original.Trim(), StringComparison.Ordinal))
        {
            return new RouterRefactorResult(null, $"Nothing to change ({served}).");
        }

        WorkspaceEdit edit = new(new Dictionary<string, IReadOnlyList<TextEdit>> { [selection.Uri] = [new TextEdit(selection.Range, code)] });
        return new RouterRefactorResult(edit, $"Refactored by {answer.Result.Tier.Name()} {served}.");
    }
}

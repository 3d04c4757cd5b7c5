using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Tokens;
using Router.Lsp.Assistant;
using Router.Lsp.Contracts;
using Router.Lsp.Documents;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Refactor;

/// <summary>Turns a refactor answer into an edit the user can review: of the selection, or, when the instruction spans files
/// (<see cref="RefactorScopeFinder"/>), one edit of every file the answer changes or creates (<see cref="MultiFileRefactor"/>).
/// An answer still judged weak after its one escalation (for C#: code Roslyn cannot parse) is not offered as an edit; the
/// message says why.</summary>
internal sealed class RefactorEditor(AssistantService assistant)
{
    // Overhead of the multi-file prompt around the files: instructions, paths and fences.
    private const int PromptOverheadTokens = 400;

    public async Task<RouterRefactorResult> RefactorAsync(RouterSelectionArguments selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        string? note = null;
        if (!string.IsNullOrWhiteSpace(selection.Instruction) && assistant.Documents.TryGet(selection.Uri, out TextDocument? document))
        {
            string selected = Selected(document, selection.Range);
            RefactorScope? scope = RefactorScopeFinder.Find(
                document, selected, selection.Instruction, assistant.Documents.All(), assistant.Documents.WorkspaceRoot,
                FilesBudget(assistant.Config, selection.Instruction, selected), TokenCounter.Default, out note);
            if (scope is not null)
            {
                return await RefactorFilesAsync(scope, selection, selected, cancellationToken);
            }
        }

        string instruction = string.IsNullOrWhiteSpace(selection.Instruction) ? "Improve this code without changing its behaviour." : selection.Instruction;
        AssistantAnswer answer = await assistant.AnswerAsync(new AssistantAsk(RequestKind.Refactor, selection.Uri, selection.Range, instruction), cancellationToken);
        string served = $"{answer.Result.Model} on {answer.Result.Endpoint}";
        string aside = note is null ? "" : $" Note: {note}.";
        if (answer.Result.Verdict.IsWeak)
        {
            return new RouterRefactorResult(null, $"No edit offered: {answer.Result.Verdict.Reason} ({served}).{aside}");
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
            return new RouterRefactorResult(null, $"Nothing to change ({served}).{aside}");
        }

        WorkspaceEdit edit = new(new Dictionary<string, IReadOnlyList<TextEdit>> { [selection.Uri] = [new TextEdit(selection.Range, code)] });
        return new RouterRefactorResult(edit, $"Refactored by {answer.Result.Tier.Name()} {served}.{aside}");
    }

    private async Task<RouterRefactorResult> RefactorFilesAsync(RefactorScope scope, RouterSelectionArguments selection, string selected, CancellationToken cancellationToken)
    {
        MultiFileRefactor refactor = new(scope, assistant.Documents.Encoding);
        string prompt = refactor.Prompt(selection.Instruction!, selected, selection.Range);
        AssistantAsk ask = new(RequestKind.Refactor, selection.Uri, selection.Range, selection.Instruction)
        {
            Prompt = prompt,
            // Paths go through the privacy scan too: a private file among them keeps the whole request local.
            Files = [.. scope.Others.Select(file => file.LocalPath), .. scope.NewFiles.Select(path => scope.Resolve(path)).OfType<string>()],
            BuildModelRequest = model => MultiFileRefactor.BuildModelRequest(model, prompt),
            Judge = refactor.Judge,
        };
        AssistantAnswer answer = await assistant.AnswerAsync(ask, cancellationToken);
        string served = $"{answer.Result.Tier.Name()} {answer.Result.Model} on {answer.Result.Endpoint}";
        if (answer.Result.Verdict.IsWeak)
        {
            return new RouterRefactorResult(null, $"No edit offered: {answer.Result.Verdict.Reason} ({served}).");
        }

        return refactor.BuildEdit(answer.Result.Text, uri => assistant.Documents.TryGet(uri, out _), served);
    }

    /// <summary>Tokens the files may take: what the refactor tier's context leaves after the instruction, the selection and the
    /// answer's reserve, halved, since the answer repeats every file it changes in full.</summary>
    private static int FilesBudget(RouterConfig config, string instruction, string selected)
    {
        int context = config.Tiers.TryGetValue(config.Routes.Refactor, out TierConfig? tier) ? tier.ContextTokens : 0;
        int fixedPart = TokenCounter.Default.Count(instruction) + TokenCounter.Default.Count(selected) + PromptOverheadTokens;
        return (context - config.Budget.OutputReserveTokens - fixedPart) / 2;
    }

    private string Selected(TextDocument document, Range range)
    {
        int start = document.OffsetAt(range.Start, assistant.Documents.Encoding);
        int end = document.OffsetAt(range.End, assistant.Documents.Encoding);
        return end > start ? document.Text[start..end] : "";
    }
}

using Router.Backends.Providers;
using Router.Core.Requests;
using Router.Quality;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Assistant;

/// <summary>What the user asked for: explain or refactor a selection, or a question about it.</summary>
/// <param name="Instruction">The refactor's instruction or the chat question; null for explain.</param>
internal sealed record AssistantAsk(RequestKind Kind, string? Uri, Range? Range, string? Instruction)
{
    /// <summary>The whole prompt when the caller built it (a multi-file refactor); null builds it from instruction and selection.</summary>
    public string? Prompt { get; init; }

    /// <summary>Other files sent with the prompt, as the policy reads them (a refactor spanning files is wide).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The model request for a model name when the prompt has a shape of its own; null uses the kind's default.</summary>
    public Func<string, ModelRequest>? BuildModelRequest { get; init; }

    /// <summary>Judges the answer instead of the default judge (weak answers escalate one tier either way).</summary>
    public Func<AnswerCheck, AnswerVerdict>? Judge { get; init; }
}

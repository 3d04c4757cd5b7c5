namespace Router.Backends.OpenAi;

/// <summary>One streamed text_completion chunk (or the usage-only last chunk).</summary>
internal sealed record OpenAiCompletionChunk
{
    public IReadOnlyList<OpenAiCompletionChoice>? Choices { get; init; }
    public OpenAiUsage? Usage { get; init; }
}

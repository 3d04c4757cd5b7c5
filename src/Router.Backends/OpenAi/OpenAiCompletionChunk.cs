namespace Router.Backends.OpenAi;

/// <summary>One streamed chunk: a text_completion (or the usage-only last chunk), a FIM endpoint's chat-shaped chunk, or
/// llama.cpp /infill's <c>content</c> with <c>stop</c> set on the last one.</summary>
internal sealed record OpenAiCompletionChunk
{
    public IReadOnlyList<OpenAiCompletionChoice>? Choices { get; init; }
    public OpenAiUsage? Usage { get; init; }
    public string? Content { get; init; }
    public bool? Stop { get; init; }
    public string? StopType { get; init; }
    public int? TokensPredicted { get; init; }
    public int? TokensEvaluated { get; init; }
}

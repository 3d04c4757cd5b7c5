namespace Router.Backends.OpenAi;

/// <summary>The text of a completion chunk (<c>text</c>, or <c>delta.content</c> from a FIM endpoint) and, on the last one, why it stopped.</summary>
internal sealed record OpenAiCompletionChoice
{
    public string? Text { get; init; }
    public OpenAiCompletionDelta? Delta { get; init; }
    public string? FinishReason { get; init; }
}

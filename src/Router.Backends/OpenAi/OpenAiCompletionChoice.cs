namespace Router.Backends.OpenAi;

/// <summary>The text of a completion chunk and, on the last one, why it stopped.</summary>
internal sealed record OpenAiCompletionChoice
{
    public string? Text { get; init; }
    public string? FinishReason { get; init; }
}

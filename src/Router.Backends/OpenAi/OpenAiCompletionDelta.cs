namespace Router.Backends.OpenAi;

/// <summary>The text of a chat-shaped chunk, as Mistral's /v1/fim/completions streams it.</summary>
internal sealed record OpenAiCompletionDelta
{
    public string? Content { get; init; }
}

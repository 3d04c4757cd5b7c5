namespace Router.Backends.OpenAi;

/// <summary>Token counts of a completion.</summary>
internal sealed record OpenAiUsage
{
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
}

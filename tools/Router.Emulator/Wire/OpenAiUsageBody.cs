namespace Router.Emulator.Wire;

/// <summary>OpenAI's token usage.</summary>
internal sealed record OpenAiUsageBody(int PromptTokens, int CompletionTokens, int TotalTokens);

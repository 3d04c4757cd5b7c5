namespace Router.Backends.Anthropic;

/// <summary>How the model uses the tools: <c>auto</c>, <c>any</c> (some tool), <c>tool</c> (the one named) or <c>none</c>;
/// <c>disable_parallel_tool_use</c> asks for at most one call.</summary>
internal sealed record AnthropicToolChoice(string Type, string? Name = null, bool? DisableParallelToolUse = null);

namespace Router.Backends.Anthropic;

/// <summary>How the model uses the tools: <c>auto</c>, <c>any</c> (some tool), <c>tool</c> (the one named) or <c>none</c>.</summary>
internal sealed record AnthropicToolChoice(string Type, string? Name = null);

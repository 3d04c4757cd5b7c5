namespace Router.Backends.Anthropic;

/// <summary>One turn of the conversation: "user" or "assistant", with its content blocks.</summary>
internal sealed record AnthropicMessage(string Role, IReadOnlyList<AnthropicContentBlock> Content);

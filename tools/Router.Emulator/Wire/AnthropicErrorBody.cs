namespace Router.Emulator.Wire;

/// <summary>Anthropic's error shape: {"type":"error","error":{"type","message"}}.</summary>
internal sealed record AnthropicErrorBody(string Type, AnthropicErrorDetailBody Error);

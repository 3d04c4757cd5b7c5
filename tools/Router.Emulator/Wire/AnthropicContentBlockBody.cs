namespace Router.Emulator.Wire;

/// <summary>A content block: {"type":"text","text":"..."}.</summary>
internal sealed record AnthropicContentBlockBody(string Type, string Text);

namespace Router.Emulator.Wire;

/// <summary>One chat message on the wire: text, and the images (base64) or tool calls it holds.</summary>
internal sealed record ChatMessageBody(string Role, string Content)
{
    public IReadOnlyList<string>? Images { get; init; }
    public IReadOnlyList<OllamaToolCallBody>? ToolCalls { get; init; }
}

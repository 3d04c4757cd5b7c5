namespace Router.Emulator.Wire;

/// <summary>One chat message on the wire.</summary>
internal sealed record ChatMessageBody(string Role, string Content);

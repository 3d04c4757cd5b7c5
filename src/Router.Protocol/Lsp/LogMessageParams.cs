namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>window/logMessage</c>.</summary>
public sealed record LogMessageParams(MessageType Type, string Message);

namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>window/showMessage</c>: a message the editor shows to the user.</summary>
public sealed record ShowMessageParams(MessageType Type, string Message);

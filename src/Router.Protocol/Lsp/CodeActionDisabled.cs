namespace Router.Protocol.Lsp;

/// <summary>Why a code action cannot be applied, shown by the editor.</summary>
public sealed record CodeActionDisabled(string Reason);

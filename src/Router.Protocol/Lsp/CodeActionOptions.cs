namespace Router.Protocol.Lsp;

/// <summary>The server's code-action capability: the kinds it offers and whether actions are resolved lazily.</summary>
public sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds, bool ResolveProvider);

namespace Router.Protocol.Lsp;

/// <summary>Edits to one or more documents, keyed by document URI, for the editor to apply (and the user to review).</summary>
public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

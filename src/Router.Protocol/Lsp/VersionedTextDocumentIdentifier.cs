namespace Router.Protocol.Lsp;

/// <summary>Names a text document and the version a change produces.</summary>
public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

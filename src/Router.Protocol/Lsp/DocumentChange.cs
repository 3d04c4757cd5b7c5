using System.Text.Json.Serialization;

namespace Router.Protocol.Lsp;

/// <summary>One entry of <see cref="WorkspaceEdit.DocumentChanges"/>: a <see cref="TextDocumentEdit"/> or a <see cref="CreateFile"/>.</summary>
[JsonConverter(typeof(DocumentChangeJsonConverter))]
public abstract record DocumentChange;

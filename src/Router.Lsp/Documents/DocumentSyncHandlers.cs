using Router.Protocol.Lsp;

namespace Router.Lsp.Documents;

/// <summary>Applies <c>textDocument/didOpen</c>, <c>didChange</c> and <c>didClose</c> to the document store.</summary>
internal sealed class DocumentSyncHandlers(DocumentStore documents)
{
    public ValueTask DidOpenAsync(DidOpenTextDocumentParams notification, CancellationToken cancellationToken)
    {
        documents.Open(notification.TextDocument);
        return ValueTask.CompletedTask;
    }

    public ValueTask DidChangeAsync(DidChangeTextDocumentParams notification, CancellationToken cancellationToken)
    {
        documents.Change(notification.TextDocument, notification.ContentChanges ?? []);
        return ValueTask.CompletedTask;
    }

    public ValueTask DidCloseAsync(DidCloseTextDocumentParams notification, CancellationToken cancellationToken)
    {
        documents.Close(notification.TextDocument.Uri);
        return ValueTask.CompletedTask;
    }
}

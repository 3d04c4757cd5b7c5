using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Router.Protocol.Lsp;

namespace Router.Lsp.Documents;

/// <summary>The open documents. Only mutating (ordered) handlers write; read-only handlers take a snapshot.</summary>
internal sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, TextDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _touched = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>The position encoding negotiated at initialize; UTF-16 until then.</summary>
    public PositionEncoding Encoding { get; set; } = PositionEncoding.Utf16;

    /// <summary>The workspace folder from <c>initialize</c>; null when the editor named none. Multi-file edits stay inside it.</summary>
    public string? WorkspaceRoot { get; set; }

    /// <summary>Every open document, most recently opened or edited first.</summary>
    public IReadOnlyList<TextDocument> All() =>
        [.. _documents.Values.OrderByDescending(document => _touched.GetValueOrDefault(document.Uri))];

    public void Open(TextDocumentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _documents[item.Uri] = new TextDocument(item.Uri, item.LanguageId, item.Version, item.Text ?? string.Empty);
        _touched[item.Uri] = Interlocked.Increment(ref _clock);
        Opened?.Invoke(item.Uri);
    }

    /// <summary>Applies a change notification; false when the document is not open.</summary>
    public bool Change(VersionedTextDocumentIdentifier document, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(changes);
        if (!_documents.TryGetValue(document.Uri, out TextDocument? current))
        {
            return false;
        }

        _documents[document.Uri] = current.WithChanges(document.Version, changes, Encoding);
        _touched[document.Uri] = Interlocked.Increment(ref _clock);
        Changed?.Invoke(document.Uri);
        return true;
    }

    public void Close(string uri)
    {
        _documents.TryRemove(uri, out _);
        _touched.TryRemove(uri, out _);
        Closed?.Invoke(uri);
    }

    /// <summary>Raised after a document is opened.</summary>
    public event Action<string>? Opened;

    /// <summary>Raised after a change is applied: a keystroke, as far as the completion debounce is concerned.</summary>
    public event Action<string>? Changed;

    /// <summary>Raised after a document is closed, so what was kept for it can be dropped.</summary>
    public event Action<string>? Closed;

    /// <summary>Other open documents of a language, most recently opened or edited first.</summary>
    public IReadOnlyList<TextDocument> RecentlyTouched(string languageId, string exceptUri) =>
        [.. _documents.Values
            .Where(document => document.LanguageId == languageId && document.Uri != exceptUri)
            .OrderByDescending(document => _touched.GetValueOrDefault(document.Uri))];

    public bool TryGet(string uri, [NotNullWhen(true)] out TextDocument? document) => _documents.TryGetValue(uri, out document);
}

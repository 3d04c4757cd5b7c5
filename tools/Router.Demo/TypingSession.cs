using Router.Lsp.Client;
using Router.Protocol.Lsp;

namespace Router.Demo;

/// <summary>Types into a document the way an editor reports it: one incremental didChange per keystroke, and an
/// automatic inline-completion request after each. As VS Code does, the previous request, if still unanswered, is cancelled
/// before the change is sent.</summary>
internal sealed class TypingSession(LspClient client, TimeSpan keystroke)
{
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);

    /// <summary>Keys typed so far, each one change and one completion request.</summary>
    public int Keystrokes { get; private set; }

    public Task OpenAsync(string uri, string languageId, string text, CancellationToken cancellationToken)
    {
        _versions[uri] = 1;
        return client.DidOpenAsync(new TextDocumentItem(uri, languageId, 1, text), cancellationToken);
    }

    /// <summary>Types <paramref name="text"/> at <paramref name="at"/>; returns the suggestion shown after the last keystroke.</summary>
    public async Task<string?> TypeAsync(string uri, Position at, string text, CancellationToken cancellationToken)
    {
        Position cursor = at;
        CancellationTokenSource? pendingCancel = null;
        Task<InlineCompletionList>? pending = null;
        foreach (char typed in text)
        {
            if (pending is { IsCompleted: false } && pendingCancel is not null)
            {
                await pendingCancel.CancelAsync();
            }

            pendingCancel?.Dispose();
            await InsertAsync(uri, cursor, typed.ToString(), cancellationToken);
            cursor = typed == '\n' ? new Position(cursor.Line + 1, 0) : cursor with { Character = cursor.Character + 1 };
            Keystrokes++;
            pendingCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            pending = Observe(client.InlineCompletionAsync(
                new InlineCompletionParams(new TextDocumentIdentifier(uri), cursor, new InlineCompletionContext(InlineCompletionTriggerKind.Automatic)),
                pendingCancel.Token));
            await Task.Delay(keystroke, cancellationToken);
        }

        try
        {
            InlineCompletionList? last = pending is null ? null : await pending;
            return last is { Items.Count: > 0 } ? last.Items[0].InsertText : null;
        }
        finally
        {
            pendingCancel?.Dispose();
        }
    }

    /// <summary>The user accepts a suggestion: it becomes part of the document.</summary>
    public Task InsertAsync(string uri, Position at, string text, CancellationToken cancellationToken)
    {
        int version = _versions[uri] = _versions[uri] + 1;
        return client.DidChangeAsync(
            new VersionedTextDocumentIdentifier(uri, version),
            [new TextDocumentContentChangeEvent(text, new Protocol.Lsp.Range(at, at))],
            cancellationToken);
    }

    public async Task<string?> ClassicCompletionAsync(string uri, Position at, CancellationToken cancellationToken)
    {
        CompletionList list = await client.CompletionAsync(new CompletionParams(new TextDocumentIdentifier(uri), at), cancellationToken);
        return list.Items.Count > 0 ? list.Items[0].TextEdit?.NewText ?? list.Items[0].InsertText ?? list.Items[0].Label : null;
    }

    // A superseded request ends in ServerCancelled: that is the normal fate of all but the last keystroke's request.
    private static async Task<InlineCompletionList> Observe(Task<InlineCompletionList> request)
    {
        try
        {
            return await request;
        }
        catch (OperationCanceledException)
        {
            return new InlineCompletionList([]);
        }
        catch (Protocol.JsonRpc.JsonRpcException e) when (e.Code is Protocol.JsonRpc.JsonRpcErrorCodes.ServerCancelled
            or Protocol.JsonRpc.JsonRpcErrorCodes.RequestCancelled or Protocol.JsonRpc.JsonRpcErrorCodes.ContentModified)
        {
            return new InlineCompletionList([]);
        }
    }
}

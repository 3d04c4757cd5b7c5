using Router.Protocol;
using Router.Protocol.Lsp;

namespace Router.Lsp.Tests.Documents;

public sealed class DocumentSyncTests
{
    [Fact]
    public async Task Full_text_change_replaces_the_document()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "x";
        await lsp.OpenAsync("old text");

        await lsp.Client.DidChangeAsync(new VersionedTextDocumentIdentifier(LspHarness.Uri, 2), [new TextDocumentContentChangeEvent("new\r\ntext")], lsp.Timeout);
        await lsp.InlineAsync(1, 4);

        Assert.Equal("new\r\ntext", Assert.Single(lsp.Provider.Requests).Prompt);
    }

    [Fact]
    public async Task Closed_document_is_forgotten()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "x";
        await lsp.OpenAsync("text");

        await lsp.Client.DidCloseAsync(LspHarness.Uri, lsp.Timeout);

        Assert.Null(await lsp.InlineAsync(0, 4));
        Assert.Empty(lsp.Provider.Requests);
    }

    [Fact]
    public async Task Malformed_change_is_reported_as_an_error_log_and_the_server_keeps_serving()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "x";
        await lsp.OpenAsync("text");

        // A didChange without contentChanges: a notification cannot be answered, so it is logged instead.
        await lsp.Client.Connection.SendNotificationAsync(
            LspMethods.DidChange,
            new DidCloseTextDocumentParams(new TextDocumentIdentifier(LspHarness.Uri)),
            LspJsonContext.Default.DidCloseTextDocumentParams,
            lsp.Timeout);

        LogMessageParams log = await lsp.NextLogAsync();
        Assert.Equal(MessageType.Error, log.Type);
        Assert.Contains(LspMethods.DidChange, log.Message, StringComparison.Ordinal);
        Assert.Equal("x", await lsp.InlineAsync(0, 4));
    }
}

using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Lsp.Tests.Lifecycle;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Request_before_initialize_answers_ServerNotInitialized()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.InlineAsync(0, 0));

        Assert.Equal(JsonRpcErrorCodes.ServerNotInitialized, error.Code);
    }

    [Fact]
    public async Task Notifications_before_initialize_are_dropped()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);
        lsp.Provider.Answer = _ => "completion";

        await lsp.OpenAsync("early text");
        await lsp.InitializeAsync();

        Assert.Null(await lsp.InlineAsync(0, 10));
        Assert.Empty(lsp.Provider.Requests);
    }

    [Fact]
    public async Task Initialize_reports_incremental_sync_inline_completion_and_server_info()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);

        InitializeResult result = await lsp.InitializeAsync();

        Assert.Equal(TextDocumentSyncKind.Incremental, result.Capabilities.TextDocumentSync!.Change);
        Assert.True(result.Capabilities.TextDocumentSync.OpenClose);
        Assert.True(result.Capabilities.InlineCompletionProvider);
        Assert.NotNull(result.Capabilities.CompletionProvider);
        Assert.Equal("router-lsp", result.ServerInfo!.Name);
    }

    [Fact]
    public async Task Position_encoding_defaults_to_utf16()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);

        InitializeResult result = await lsp.InitializeAsync();

        Assert.Equal(PositionEncodingKind.Utf16, result.Capabilities.PositionEncoding);
    }

    [Fact]
    public async Task Position_encoding_is_utf8_when_the_client_offers_it_and_positions_count_bytes()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);
        InitializeResult result = await lsp.InitializeAsync([PositionEncodingKind.Utf16, PositionEncodingKind.Utf8]);
        lsp.Provider.Answer = _ => "x";

        // "é😀" is 2 + 4 = 6 UTF-8 bytes (3 UTF-16 units).
        await lsp.OpenAsync("é😀ab");
        await lsp.InlineAsync(0, 6);

        Assert.Equal(PositionEncodingKind.Utf8, result.Capabilities.PositionEncoding);
        Assert.Equal("é😀", Assert.Single(lsp.Provider.Requests).Prompt);
    }

    [Fact]
    public async Task Second_initialize_is_an_InvalidRequest()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.InitializeAsync());

        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, error.Code);
    }

    [Fact]
    public async Task Request_after_shutdown_answers_InvalidRequest()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        await lsp.OpenAsync("text");

        await lsp.Client.ShutdownAsync(lsp.Timeout);
        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.InlineAsync(0, 1));

        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, error.Code);
    }

    [Fact]
    public async Task Exit_after_shutdown_ends_with_code_0()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();

        await lsp.Client.ShutdownAsync(lsp.Timeout);
        await lsp.Client.ExitAsync(lsp.Timeout);

        Assert.Equal(0, await lsp.ServerRun.WaitAsync(lsp.Timeout));
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();

        await lsp.Client.ExitAsync(lsp.Timeout);

        Assert.Equal(1, await lsp.ServerRun.WaitAsync(lsp.Timeout));
    }

    [Fact]
    public async Task Exit_before_initialize_ends_with_code_1()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);

        await lsp.Client.ExitAsync(lsp.Timeout);

        Assert.Equal(1, await lsp.ServerRun.WaitAsync(lsp.Timeout));
    }

    [Fact]
    public async Task End_of_input_ends_the_server_cleanly()
    {
        LspHarness lsp = await LspHarness.StartAsync();
        await lsp.Client.ShutdownAsync(lsp.Timeout);

        await lsp.Client.DisposeAsync();

        Assert.Equal(0, await lsp.ServerRun.WaitAsync(lsp.Timeout));
        await lsp.DisposeAsync();
    }
}

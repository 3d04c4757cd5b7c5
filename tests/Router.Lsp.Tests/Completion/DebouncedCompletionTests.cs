using Microsoft.Extensions.Time.Testing;
using Router.Lsp.Completion;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Completion;

/// <summary>Completions that end while they wait in the debounce, on a clock the test moves: none of them reaches the model.</summary>
public sealed class DebouncedCompletionTests
{
    private readonly FakeTimeProvider _clock = new();

    private Task<LspHarness> StartAsync() => LspHarness.StartAsync(options: new LspServerOptions { Time = _clock });

    private static async Task<string?> InvokedAsync(LspHarness lsp, int character)
    {
        InlineCompletionList list = await lsp.Client.InlineCompletionAsync(
            new InlineCompletionParams(new TextDocumentIdentifier(LspHarness.Uri), new Position(0, character), new InlineCompletionContext(InlineCompletionTriggerKind.Invoked)),
            lsp.Timeout);
        return list.Items.Count == 0 ? null : list.Items[0].InsertText;
    }

    /// <summary>Until the server has dealt with the cancel: its waiting completion ended (a Cancelled trace), or the cancel came
    /// before the request's handler ran at all, and the server answered it "cancelled" (-32800) without starting it.</summary>
    private static async Task WaitForCancelledTraceAsync(LspHarness lsp)
    {
        while (!lsp.Traces.Any(t => t.Outcome == CompletionOutcome.Cancelled)
            && !lsp.Wire.Text.Contains($"\"code\":{JsonRpcErrorCodes.RequestCancelled}", StringComparison.Ordinal))
        {
            await Task.Delay(5, lsp.Timeout);
        }
    }

    [Fact]
    public async Task A_completion_the_client_cancels_while_it_waits_never_reaches_the_model()
    {
        await using LspHarness lsp = await StartAsync();
        lsp.Provider.Answer = request => "<" + request.Prompt + ">";
        await lsp.OpenAsync(string.Empty);
        await lsp.ReplaceAsync(new Range(new Position(0, 0), new Position(0, 0)), "k");
        using CancellationTokenSource cancel = new();

        // The first keystroke of the session waits the maximum, on a clock that does not move until the cancel is seen.
        Task<string?> waiting = lsp.InlineAsync(0, 1, cancellationToken: cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await WaitForCancelledTraceAsync(lsp);
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("<k>", await InvokedAsync(lsp, 1));
        Assert.Single(lsp.Provider.Requests);
    }

    [Fact]
    public async Task A_keystroke_ends_the_completion_still_waiting_for_the_text_before_it()
    {
        await using LspHarness lsp = await StartAsync();
        lsp.Provider.Answer = request => "<" + request.Prompt + ">";
        await lsp.OpenAsync(string.Empty);
        await lsp.ReplaceAsync(new Range(new Position(0, 0), new Position(0, 0)), "k");
        Task<string?> waiting = lsp.InlineAsync(0, 1);

        // A client that sends the next change but no new request: the waiting one is for text that is gone.
        await lsp.ReplaceAsync(new Range(new Position(0, 1), new Position(0, 1)), "e");
        JsonRpcException dropped = await Assert.ThrowsAsync<JsonRpcException>(() => waiting);
        Assert.Equal(JsonRpcErrorCodes.ServerCancelled, dropped.Code);
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("<ke>", await InvokedAsync(lsp, 2));
        Assert.Equal("ke", Assert.Single(lsp.Provider.Requests).Prompt);
    }

    [Fact]
    public async Task A_completion_that_outlives_its_wait_reaches_the_model_once()
    {
        await using LspHarness lsp = await StartAsync();
        lsp.Provider.Answer = _ => "();";
        await lsp.OpenAsync(string.Empty);
        await lsp.ReplaceAsync(new Range(new Position(0, 0), new Position(0, 0)), "k");

        Task<string?> waiting = lsp.InlineAsync(0, 1);
        while (!waiting.IsCompleted && lsp.Provider.Requests.IsEmpty)
        {
            // The request may not have started its wait yet: keep moving the clock until it has waited it out.
            _clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(5, lsp.Timeout);
        }

        Assert.Equal("();", await waiting);
        Assert.Single(lsp.Provider.Requests);
    }
}

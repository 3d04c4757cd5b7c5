using System.Text.Json;
using Router.Lsp.Contracts;
using Microsoft.Extensions.Time.Testing;
using Router.Lsp.Status;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Usage;

namespace Router.Lsp.Tests.Usage;

public sealed class UsageReportCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("router-usage-").FullName;
    private UsageLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await UsageLedger.OpenAsync(Path.Combine(_folder, UsageLedger.FileName));

    public async Task DisposeAsync()
    {
        await _ledger.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Usage_report_command_answers_the_html_page_with_the_completions_just_served()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(options: new LspServerOptions { UsageLedger = _ledger });
        lsp.Provider.Answer = _ => "a + b";
        await lsp.OpenAsync("int Add(int a, int b) => ;\n");
        Assert.Equal("a + b", await lsp.InlineAsync(0, 25));

        JsonElement result = await lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.UsageReport, [JsonSerializer.SerializeToElement(new RouterUsageReportArguments(1), RouterJsonContext.Default.RouterUsageReportArguments)]), lsp.Timeout);

        string html = result.Deserialize(RouterJsonContext.Default.RouterUsageReportResult)!.Html;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("1 requests", html, StringComparison.Ordinal);
        Assert.Contains("qwen2.5-coder:14b", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a + b", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_report_command_refuses_a_window_of_no_days()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(options: new LspServerOptions { UsageLedger = _ledger });

        JsonRpcException refused = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.UsageReport, [JsonDocument.Parse("""{"days": 0}""").RootElement]), lsp.Timeout));

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, refused.Code);
    }

    [Fact]
    public async Task Status_carries_todays_share_of_requests_per_tier_once_the_ledger_is_read_again()
    {
        FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
        await using LspHarness lsp = await LspHarness.StartAsync(options: new LspServerOptions { UsageLedger = _ledger, Time = clock });
        lsp.Provider.Answer = _ => "x";
        await lsp.OpenAsync("var a = ;\nvar b = ;\n");
        await InvokedAsync(lsp, 0, 8);
        await InvokedAsync(lsp, 1, 8);

        // Read at most every ten seconds: the bookings above wait for it, then a status carries them without a new request.
        clock.Advance(TodayUsage.RefreshAfter);
        RouterStatusParams status = await WaitForAsync(lsp, clock, s => s.TodayShares is [{ Tier: "code", Requests: 2 }]);
        Assert.Equal(1.0, status.TodayShares![0].Share);

        JsonElement doctor = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Doctor), lsp.Timeout);
        Assert.Contains("Requests today: code 100% (2)", doctor.Deserialize(RouterJsonContext.Default.RouterDoctorResult)!.Text, StringComparison.Ordinal);
    }

    /// <summary>Waits for the status; on a loaded machine a read may still be under way when the clock moves, so the clock moves
    /// on again every second of waiting (TodayUsageTests pins the timing itself).</summary>
    private static async Task<RouterStatusParams> WaitForAsync(LspHarness lsp, FakeTimeProvider clock, Func<RouterStatusParams, bool> wanted)
    {
        for (int waited = 1; ; waited++)
        {
            if (lsp.Statuses.FirstOrDefault(wanted) is { } status)
            {
                return status;
            }

            await Task.Delay(20, lsp.Timeout);
            if (waited % 50 == 0)
            {
                clock.Advance(TodayUsage.RefreshAfter);
            }
        }
    }

    private static async Task InvokedAsync(LspHarness lsp, int line, int character) =>
        Assert.Single((await lsp.Client.InlineCompletionAsync(
            new InlineCompletionParams(new TextDocumentIdentifier(LspHarness.Uri), new Position(line, character), new InlineCompletionContext(InlineCompletionTriggerKind.Invoked)),
            lsp.Timeout)).Items);
}

using Microsoft.Extensions.Logging;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Emulator;
using Router.Runtime.Dispatch;
using static Router.Runtime.Tests.Dispatch.EmulatedCluster;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>What a dispatch hands its logger, before any redaction: the route, each attempt, the fallback, the escalation
/// and the failure, by tier, model, host and reason; never the prompt or the answer.</summary>
public sealed class DispatchLogTests
{
    private const string Canary = "Quokkafjord";

    private static readonly string Password = "Lantern$" + Random.Shared.Next(10, 99);

    private static readonly RouteRequest PrivateExplain = new("r7", RequestKind.Explain)
    {
        Language = "python",
        Text = $"why does {Canary} refuse the login? the password is {Password}\nsquares = [i * i for i in range(10)]",
    };

    [Fact]
    public async Task A_fallback_and_an_escalation_are_logged_by_route_and_reason_without_the_prompt_or_the_answer()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"], [Tier.Code] = ["b"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { HostDown = true });
        cluster["b"].SetFaults(new EmulatorFaultSet { Reply = "" }, QuickModel);
        RecordingLogger log = new();

        DispatchResult result = await cluster.Dispatcher(Options(log)).DispatchAsync(Request(config, PrivateExplain), null, Deadline());

        Assert.Equal((Tier.Code, "b"), (result.Tier, result.Endpoint));
        var records = log.Records;
        Assert.Contains(records, r => r.Level == LogLevel.Trace && r.Message.StartsWith("explain r7: routed to quick qwen2.5:3b on a", StringComparison.Ordinal)
            && r.Message.Contains("private (password-in-prose in text)", StringComparison.Ordinal));
        Assert.Equal(3, records.Count(r => r.Level == LogLevel.Debug && r.Message.StartsWith("explain r7: attempt ", StringComparison.Ordinal)));
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.StartsWith("explain r7: fell back to quick qwen2.5:3b on b after a: ", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.StartsWith("explain r7: escalation: empty answer from quick", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Message.StartsWith("explain r7: answered by code qwen2.5-coder:14b on b", StringComparison.Ordinal));
        AssertNoText(records, result.Text);
    }

    [Fact]
    public async Task A_request_no_host_answers_is_logged_with_every_attempt_and_a_cancelled_one_as_cancelled()
    {
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { ModelNotFound = true });
        RecordingLogger log = new();
        RequestDispatcher dispatcher = cluster.Dispatcher(Options(log));

        await Assert.ThrowsAsync<DispatchFailedException>(() => dispatcher.DispatchAsync(Request(config, PrivateExplain), null, Deadline()));
        using CancellationTokenSource cancelled = new();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchAsync(Request(config, PrivateExplain), null, cancelled.Token));

        var records = log.Records;
        (LogLevel level, string failed) = Assert.Single(records, r => r.Message.StartsWith("explain r7: no answer: ", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, level);
        Assert.Contains("quick qwen2.5:3b on a: failed", failed, StringComparison.Ordinal);
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Message == "explain r7: cancelled by the caller");
        AssertNoText(records, "");
    }

    private static DispatchOptions Options(RecordingLogger log) =>
        new() { Deadlines = Generous, ChunkIdleTimeout = TimeSpan.FromSeconds(5), Logger = log };

    private static void AssertNoText(IReadOnlyList<(LogLevel Level, string Message)> records, string answer)
    {
        Assert.NotEmpty(records);
        Assert.DoesNotContain(records, r => r.Message.Contains(Canary, StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains("range(10)", StringComparison.Ordinal));
        if (answer.Length > 20)
        {
            Assert.DoesNotContain(records, r => r.Message.Contains(answer[..20], StringComparison.Ordinal));
        }
    }
}

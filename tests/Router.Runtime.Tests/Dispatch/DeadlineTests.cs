using System.Diagnostics;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Emulator;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;
using Router.Runtime.Inventory;
using Xunit.Abstractions;
using static Router.Runtime.Tests.Dispatch.EmulatedCluster;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>Stalled hosts over real loopback HTTP (emulated hosts that accept the connection and never answer): each kind of
/// request gives up on them within its deadline, tells the user what it waits for, and the next request skips them at once.
/// Time limits are generous about the machine's load; the measured times go to the test output.</summary>
public sealed class DeadlineTests(ITestOutputHelper output)
{
    /// <summary>Scheduling slack on a loaded machine, on top of a deadline.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    private static readonly DeadlinesConfig Short = new(
        Completion: TimeSpan.FromMilliseconds(1500), FirstToken: TimeSpan.FromSeconds(3), Load: TimeSpan.FromSeconds(30), Refactor: TimeSpan.FromSeconds(20));

    private static readonly RouteRequest Completion = new("c1", RequestKind.Completion)
    {
        Language = "python",
        Prefix = "def add(a, b):\n    ",
        Suffix = "\n\nprint(add(1, 2))\n",
    };

    private static readonly RouteRequest Refactor = new("f1", RequestKind.Refactor) { Language = "python", Text = "def f(x):\n    return x+1\n" };

    private static readonly RouteRequest Explain = new("e1", RequestKind.Explain) { Language = "python", Text = "squares = [i * i for i in range(10)]" };

    [Fact]
    public async Task A_stalled_code_host_gives_up_on_a_completion_within_its_deadline_and_the_next_completion_skips_it()
    {
        await using EmulatedCluster cluster = await StartAsync("stallbox", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Code] = ["stallbox", "b"] }) with { Deadlines = Short };
        cluster["stallbox"].SetFaults(new EmulatorFaultSet { Hang = true });
        RequestDispatcher dispatcher = cluster.Dispatcher(new DispatchOptions());

        DispatchRequest request = Request(config, Completion);

        Stopwatch first = Stopwatch.StartNew();
        DispatchFailedException failed = await Assert.ThrowsAsync<DispatchFailedException>(() => dispatcher.DispatchAsync(request, null, Deadline()));
        first.Stop();

        Stopwatch second = Stopwatch.StartNew();
        DispatchResult answered = await dispatcher.DispatchAsync(request, null, Deadline());
        second.Stop();

        output.WriteLine($"stalled completion gave up after {first.ElapsedMilliseconds} ms (deadline 1500 ms); the next one answered in {second.ElapsedMilliseconds} ms");
        Assert.InRange(first.Elapsed, Short.Completion - TimeSpan.FromMilliseconds(100), Short.Completion + Slack);
        Assert.Contains("within its 1.5 s deadline", failed.Message, StringComparison.Ordinal);
        Assert.StartsWith("timeout:", failed.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.Equal("the completion deadline (1.5 s) had passed before its turn", failed.Attempts[1].Reason);
        Assert.Equal(EndpointCircuitState.Open, cluster.Health.Snapshot("stallbox").State);
        await cluster["stallbox"].WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, Deadline());

        Assert.Equal("b", answered.Endpoint);
        Assert.StartsWith("skipped: circuit open", answered.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.True(second.Elapsed < Short.Completion, $"the second completion took {second.ElapsedMilliseconds} ms");
        Assert.Single(cluster["stallbox"].Requests);
    }

    [Fact]
    public async Task A_stalled_heavy_host_makes_a_refactor_fall_back_at_its_first_token_deadline_and_the_next_refactor_skips_it()
    {
        await using EmulatedCluster cluster = await StartAsync("stallbox", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Heavy] = ["stallbox"], [Tier.Code] = ["b"] }, new() { [Tier.Heavy] = [Tier.Code] }) with { Deadlines = Short };
        cluster["stallbox"].SetFaults(new EmulatorFaultSet { Hang = true });
        RequestDispatcher dispatcher = cluster.Dispatcher(new DispatchOptions { ProgressInterval = TimeSpan.FromSeconds(1) });
        EventRecorder events = new();

        DispatchRequest request = Request(config, Refactor);

        Stopwatch first = Stopwatch.StartNew();
        DispatchResult fellBack = await dispatcher.DispatchAsync(request, events.Sink, Deadline());
        first.Stop();
        Stopwatch second = Stopwatch.StartNew();
        DispatchResult skipped = await dispatcher.DispatchAsync(request, null, Deadline());
        second.Stop();

        output.WriteLine($"refactor fell back after a stall in {first.ElapsedMilliseconds} ms (first-token deadline 3000 ms); the next one took {second.ElapsedMilliseconds} ms");
        Assert.Equal("b", fellBack.Endpoint);
        Assert.Equal("timeout: no answer within 3 s", fellBack.Attempts[0].Reason);
        Assert.InRange(first.Elapsed, Short.FirstToken, Short.FirstToken + Slack);
        List<string> progress = events.Events.Where(e => e.Kind == DispatchEventKind.Progress).Select(e => e.Text).ToList();
        Assert.Contains(progress, p => p.StartsWith("waiting for qwen2.5-coder:32b on stallbox: no answer after", StringComparison.Ordinal));
        Assert.DoesNotContain(progress, p => p.Contains("loading", StringComparison.Ordinal));

        Assert.Equal("b", skipped.Endpoint);
        Assert.StartsWith("skipped: circuit open", skipped.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.True(second.Elapsed < Short.FirstToken, $"the second refactor took {second.ElapsedMilliseconds} ms");
        Assert.Single(cluster["stallbox"].Requests);
    }

    [Fact]
    public async Task A_wide_refactor_to_a_stalled_cloud_and_a_stalled_fallback_fails_within_the_refactor_deadline()
    {
        await using EmulatedCluster cluster = await StartAsync("cloud", "stallbox");
        DeadlinesConfig deadlines = Short with { Refactor = TimeSpan.FromSeconds(4) };
        RouterConfig config = cluster.Config(new() { [Tier.Frontier] = ["cloud"], [Tier.Heavy] = ["stallbox"] }, new() { [Tier.Frontier] = [Tier.Heavy] }, dailyUsd: 100)
            with { Deadlines = deadlines };
        config = config with { Routes = config.Routes with { Refactor = Tier.Frontier } };
        cluster["cloud"].SetFaults(new EmulatorFaultSet { Hang = true });
        cluster["stallbox"].SetFaults(new EmulatorFaultSet { Hang = true });

        DispatchRequest request = Request(config, Refactor);
        RequestDispatcher dispatcher = cluster.Dispatcher(new DispatchOptions());

        Stopwatch clock = Stopwatch.StartNew();
        DispatchFailedException failed = await Assert.ThrowsAsync<DispatchFailedException>(() => dispatcher.DispatchAsync(request, null, Deadline()));
        clock.Stop();

        output.WriteLine($"wide refactor, stalled cloud then stalled fallback: failed after {clock.ElapsedMilliseconds} ms (deadline 4000 ms)");
        Assert.InRange(clock.Elapsed, deadlines.Refactor - TimeSpan.FromMilliseconds(100), deadlines.Refactor + Slack);
        Assert.Equal(["cloud", "stallbox"], failed.Attempts.Select(a => a.Endpoint));
        Assert.Equal("timeout: no answer within 3 s", failed.Attempts[0].Reason);
        Assert.StartsWith("timeout: the refactor deadline (4 s) passed", failed.Attempts[1].Reason, StringComparison.Ordinal);
        Assert.Contains("within its 4 s deadline", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_is_said_only_when_the_host_shows_the_load_and_a_load_may_take_longer_than_the_first_token_deadline()
    {
        // Real time: the quick model's cold load takes 1.5 s, longer than the 0.6 s first-token deadline.
        await using EmulatedCluster cluster = await StartAsync(1.0, "gpu-box");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["gpu-box"] })
            with { Deadlines = Short with { FirstToken = TimeSpan.FromMilliseconds(600) } };
        using HostInventory inventory = new(new HostInventoryOptions { ProbeTimeout = Patience });
        RequestDispatcher dispatcher = new(cluster.Pool, cluster.Health, inventory, new DispatchOptions { ProgressInterval = TimeSpan.FromMilliseconds(300) }, cluster.Clock);
        EventRecorder events = new();

        DispatchResult result = await dispatcher.DispatchAsync(Request(config, Explain), events.Sink, Deadline());

        Assert.Equal("gpu-box", result.Endpoint);
        Assert.Single(result.Attempts);
        List<DispatchEvent> seen = events.Events.ToList();
        int loading = seen.FindIndex(e => e.Kind == DispatchEventKind.Progress && e.Text.StartsWith("loading qwen2.5:3b on gpu-box…", StringComparison.Ordinal));
        Assert.True(loading >= 0, string.Join(" | ", seen.Select(e => e.Text)));
        Assert.True(loading < seen.FindIndex(e => e.Kind == DispatchEventKind.Text));
        Assert.True(result.Usage?.LoadDuration >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_cold_model_on_a_host_that_stalls_is_never_said_to_be_loading()
    {
        // The finding: the host lists the model, does not have it in memory, and never answers the generation.
        await using EmulatedCluster cluster = await StartAsync("stallbox", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["stallbox", "b"] }) with { Deadlines = Short };
        cluster["stallbox"].SetFaults(new EmulatorFaultSet { Hang = true }, QuickModel);
        using HostInventory inventory = new(new HostInventoryOptions { ProbeTimeout = Patience });
        RequestDispatcher dispatcher = new(cluster.Pool, cluster.Health, inventory, new DispatchOptions { ProgressInterval = TimeSpan.FromMilliseconds(500) }, cluster.Clock);
        EventRecorder events = new();

        DispatchResult result = await dispatcher.DispatchAsync(Request(config, Explain), events.Sink, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.Equal("timeout: no answer within 3 s", result.Attempts[0].Reason);
        List<string> progress = events.Events.Where(e => e.Kind == DispatchEventKind.Progress).Select(e => e.Text).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.StartsWith("waiting for qwen2.5:3b on stallbox", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proxy_shaped_500_from_the_cloud_falls_back_to_the_next_tier()
    {
        await using EmulatedCluster cluster = await StartAsync("cloud", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Frontier] = ["cloud"], [Tier.Heavy] = ["b"] }, new() { [Tier.Frontier] = [Tier.Heavy] }, dailyUsd: 100);
        config = config with { Routes = config.Routes with { Refactor = Tier.Frontier } };
        cluster["cloud"].SetFaults(new EmulatorFaultSet { ErrorStatus = 500, ErrorBody = "{\"error\":\"internal error\"}" });

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Refactor), null, Deadline());

        Assert.Equal((Tier.Heavy, "b"), (result.Tier, result.Endpoint));
        Assert.Contains("server error 500: internal error", result.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.Equal(1, cluster.Health.Snapshot("cloud").ConsecutiveFailures);
    }

    [Fact]
    public async Task A_rate_limited_host_is_skipped_until_its_retry_after_has_passed_not_asked_again_at_once()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        ProviderException limited = ProviderException.FromReply(
            new HttpErrorReply(429, "too many requests", true) { RetryAfter = TimeSpan.FromSeconds(30) }, new Uri("http://127.0.0.1:9/"), "qwen2.5:3b", ApiKeySource.None);
        RequestDispatcher dispatcher = new(
            new FailingProviderSource(cluster.Pool, "a", limited), cluster.Health, cluster.Status, new DispatchOptions { Deadlines = Generous }, cluster.Clock);

        DispatchResult first = await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());
        DispatchResult second = await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());
        cluster.Clock.Advance(TimeSpan.FromSeconds(31));
        DispatchResult later = await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal("b", first.Endpoint);
        Assert.Contains("wait 30 s", first.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.Equal((DispatchAttemptOutcome.Skipped, "b"), (second.Attempts[0].Outcome, second.Endpoint));
        Assert.Equal(DispatchAttemptOutcome.Failed, later.Attempts[0].Outcome);
    }

    [Fact]
    public async Task A_provider_that_throws_something_unexpected_costs_one_attempt_and_the_next_host_answers()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        RequestDispatcher dispatcher = new(
            new FailingProviderSource(cluster.Pool, "a", new InvalidOperationException("Cannot transcode invalid UTF-8 " + new string('x', 5000))),
            cluster.Health,
            cluster.Status,
            new DispatchOptions { Deadlines = Generous },
            cluster.Clock);

        DispatchResult result = await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.StartsWith("a failed unexpectedly (InvalidOperationException: Cannot transcode invalid UTF-8", result.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.True(result.Attempts[0].Reason.Length < 300);
        Assert.Equal(1, cluster.Health.Snapshot("a").ConsecutiveFailures);
    }
}

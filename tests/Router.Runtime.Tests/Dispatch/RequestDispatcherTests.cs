using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Emulator;
using Router.Quality;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;
using Router.Runtime.Inventory;
using static Router.Runtime.Tests.Dispatch.EmulatedCluster;

namespace Router.Runtime.Tests.Dispatch;

public sealed class RequestDispatcherTests
{
    private static readonly RouteRequest Explain = new("r1", RequestKind.Explain) { Language = "python", Text = "squares = [i * i for i in range(10)]" };

    private static readonly RouteRequest Completion = new("c1", RequestKind.Completion)
    {
        Language = "python",
        Prefix = "def add(a, b):\n    ",
        Suffix = "\n\nprint(add(1, 2))\n",
    };

    [Fact]
    public async Task Host_down_the_next_host_of_the_tier_answers()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Code] = ["a", "b"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { HostDown = true });

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Completion), null, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.Equal(Tier.Code, result.Tier);
        Assert.False(string.IsNullOrWhiteSpace(result.Text));
        Assert.True(result.FellBack);
        Assert.Collection(
            result.Attempts,
            a => Assert.Equal(("a", DispatchAttemptOutcome.Failed), (a.Endpoint, a.Outcome)),
            a => Assert.Equal(("b", DispatchAttemptOutcome.Answered), (a.Endpoint, a.Outcome)));
        Assert.True(result.Usage?.OutputTokens > 0);
        Assert.Equal(0, result.CostUsd);
    }

    [Fact]
    public async Task Every_host_of_a_tier_down_the_fallback_tier_answers_and_history_records_that_tier()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b", "c");
        RouterConfig config = cluster.Config(
            new() { [Tier.Quick] = ["a", "b"], [Tier.Code] = ["c"] },
            new() { [Tier.Quick] = [Tier.Code] });
        cluster["a"].SetFaults(new EmulatorFaultSet { HostDown = true });
        await cluster["b"].StopListeningAsync(Deadline());

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal(Tier.Quick, result.DecidedTier);
        Assert.Equal((Tier.Code, CodeModel, "c"), (result.Tier, result.Model, result.Endpoint));
        Assert.Equal(Tier.Code, result.ToHistoryTurn(Explain).Tier);
        Assert.Equal(3, result.Attempts.Count);
        Assert.Contains("connection refused", result.Attempts[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_circuit_skips_the_dead_host_without_contacting_it()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { HostDown = true });
        var dispatcher = cluster.Dispatcher();

        await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());
        Assert.Single(cluster["a"].Requests);
        DispatchResult second = await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Single(cluster["a"].Requests);
        Assert.Equal("b", second.Endpoint);
        DispatchAttempt skipped = second.Attempts[0];
        Assert.Equal(DispatchAttemptOutcome.Skipped, skipped.Outcome);
        Assert.Contains("circuit open until", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(EndpointCircuitState.Open, cluster.Health.Snapshot("a").State);
    }

    [Fact]
    public async Task Single_host_tier_with_an_open_circuit_fails_fast_and_recovers_after_the_cooldown()
    {
        await using EmulatedCluster cluster = await StartAsync("solo");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["solo"] });
        cluster["solo"].SetFaults(new EmulatorFaultSet { HostDown = true });
        var dispatcher = cluster.Dispatcher();

        await Assert.ThrowsAsync<DispatchFailedException>(() => dispatcher.DispatchAsync(Request(config, Explain), null, Deadline()));
        DispatchFailedException fast = await Assert.ThrowsAsync<DispatchFailedException>(() => dispatcher.DispatchAsync(Request(config, Explain), null, Deadline()));

        Assert.Single(cluster["solo"].Requests);
        Assert.Contains("solo", fast.Message, StringComparison.Ordinal);
        Assert.Contains("circuit open until", fast.Message, StringComparison.Ordinal);

        cluster["solo"].ClearFaults();
        cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        DispatchResult recovered = await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal("solo", recovered.Endpoint);
        Assert.Equal(EndpointCircuitState.Closed, cluster.Health.Snapshot("solo").State);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_retried_on_the_next_host_with_nothing_duplicated()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        var dispatcher = cluster.Dispatcher();
        string whole = (await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline())).Text;
        cluster["a"].SetFaults(new EmulatorFaultSet { CutAfterChunks = 4 });
        EventRecorder events = new();

        DispatchResult result = await dispatcher.DispatchAsync(Request(config, Explain), events.Sink, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.Equal(whole, result.Text);
        Assert.Equal(whole, events.VisibleText);
        DispatchEvent restart = Assert.Single(events.Events, e => e.Kind == DispatchEventKind.Restart);
        Assert.Equal("connection lost to a (stream cut), retrying on b", restart.Text);
        Assert.Contains(events.Events, e => e.Kind == DispatchEventKind.Text && e.Attempt == 1);
        Assert.All(events.Events.SkipWhile(e => e.Kind != DispatchEventKind.Restart), e => Assert.Equal(2, e.Attempt));
        EmulatorRecordIs(cluster["a"].Requests[^1], EmulatorRequestOutcome.Aborted);
    }

    [Fact]
    public async Task Stalled_stream_times_out_and_the_next_host_answers()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        var dispatcher = cluster.Dispatcher(new DispatchOptions { Deadlines = Generous, ChunkIdleTimeout = TimeSpan.FromMilliseconds(300) });

        DispatchResult result = await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.Contains("stalled", result.Attempts[0].Reason, StringComparison.Ordinal);
        await cluster["a"].WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, Deadline());
    }

    [Fact]
    public async Task Private_request_with_every_local_host_down_fails_clearly_and_never_reaches_the_cloud()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "cloud");
        RouterConfig config = cluster.Config(
            new() { [Tier.Quick] = ["a"], [Tier.Heavy] = ["a"], [Tier.Frontier] = ["cloud"] },
            new() { [Tier.Quick] = [Tier.Frontier] });
        cluster["a"].SetFaults(new EmulatorFaultSet { HostDown = true });
        RouteRequest secret = Explain with { File = "deploy/.env" };
        DispatchRequest request = Request(config, secret);
        Assert.True(request.Decision.LocalOnly);
        Assert.DoesNotContain(request.Decision.FallbackChain, s => s.Endpoint == "cloud");

        // Defence in depth: even a decision that wrongly lists the cloud endpoint must not reach it.
        RouteDecision tampered = request.Decision with { FallbackChain = [.. request.Decision.FallbackChain, new FallbackStep(Tier.Frontier, FrontierModel, "cloud")] };
        DispatchFailedException failure = await Assert.ThrowsAsync<DispatchFailedException>(
            () => cluster.Dispatcher().DispatchAsync(request with { Decision = tampered }, null, Deadline()));

        Assert.Empty(cluster["cloud"].Requests);
        Assert.Contains("quick qwen2.5:3b on a: failed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("on cloud: refused: a private request is never sent to a cloud endpoint", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, failure.Attempts.Count);
    }

    [Fact]
    public async Task Private_request_with_its_local_host_down_says_it_was_kept_off_the_cloud_why_and_which_host_to_start()
    {
        await using EmulatedCluster cluster = await StartAsync("gpu", "cloud");
        RouterConfig config = cluster.Config(
            new() { [Tier.Quick] = ["gpu"], [Tier.Heavy] = ["gpu"], [Tier.Frontier] = ["cloud"] },
            new() { [Tier.Quick] = [Tier.Frontier] });
        await cluster["gpu"].StopListeningAsync(Deadline());
        RouteRequest secret = Explain with { Text = "why does login fail? the password is Lantern$42 and it still says no" };
        DispatchRequest request = Request(config, secret);

        DispatchFailedException failure = await Assert.ThrowsAsync<DispatchFailedException>(
            () => cluster.Dispatcher().DispatchAsync(request, null, Deadline()));

        string said = failure.Message.Split(Environment.NewLine)[0];
        Assert.Contains("private", said, StringComparison.Ordinal);
        Assert.Contains("kept off the cloud on purpose (cloud not asked)", said, StringComparison.Ordinal);
        Assert.Contains(request.Decision.PrivateBecause!.Description, said, StringComparison.Ordinal);
        Assert.Contains($"start Ollama on gpu ({cluster["gpu"].BaseAddress.GetLeftPart(UriPartial.Authority)})", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Lantern$42", failure.Message, StringComparison.Ordinal);
        Assert.Empty(cluster["cloud"].Requests);
    }

    [Fact]
    public async Task Private_request_whose_model_is_missing_locally_says_which_model_to_pull_where()
    {
        await using EmulatedCluster cluster = await StartAsync("gpu", "cloud");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["gpu"], [Tier.Frontier] = ["cloud"] }, new() { [Tier.Quick] = [Tier.Frontier] });
        cluster.Status.Set("gpu", QuickModel, ModelStatus.Unknown with { Present = false });
        DispatchRequest request = Request(config, Explain with { File = "deploy/.env" });

        DispatchFailedException failure = await Assert.ThrowsAsync<DispatchFailedException>(
            () => cluster.Dispatcher().DispatchAsync(request, null, Deadline()));

        Assert.NotNull(failure.Privacy);
        Assert.Equal("private-path", failure.Privacy.Because.Detector);
        Assert.Equal([$"pull {QuickModel} on gpu (`ollama pull {QuickModel}` there)"], failure.Privacy.Remedies);
        Assert.StartsWith(failure.Privacy.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_of_a_request_that_is_not_private_says_nothing_about_privacy()
    {
        await using EmulatedCluster cluster = await StartAsync("gpu");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["gpu"] });
        await cluster["gpu"].StopListeningAsync(Deadline());

        DispatchFailedException failure = await Assert.ThrowsAsync<DispatchFailedException>(
            () => cluster.Dispatcher().DispatchAsync(Request(config, Explain), null, Deadline()));

        Assert.Null(failure.Privacy);
        Assert.DoesNotContain("private", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weak_answer_is_escalated_exactly_once_even_when_the_escalated_answer_is_weak_too()
    {
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a"], [Tier.Code] = ["a"], [Tier.Heavy] = ["a"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { Reply = "" });
        EventRecorder events = new();

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Explain), events.Sink, Deadline());

        DispatchEscalation escalation = Assert.IsType<DispatchEscalation>(result.Escalation);
        Assert.Equal((Tier.Quick, Tier.Code), (escalation.FromTier, escalation.ToTier));
        Assert.Equal("empty answer", escalation.FirstVerdict.Reason);
        Assert.True(escalation.SecondVerdict?.IsWeak);
        Assert.Contains("not retried again", escalation.Summary, StringComparison.Ordinal);
        Assert.Single(events.Events, e => e.Kind == DispatchEventKind.Escalation);
        Assert.Empty(cluster.Generations("a", HeavyModel));
        Assert.Equal([QuickModel, CodeModel], cluster.Generations("a").Select(r => r.Model));
        Assert.Equal([false, true], result.Attempts.Select(a => a.Escalation));
    }

    [Fact]
    public async Task Weak_answer_escalated_to_a_sound_one_returns_it_and_history_records_the_escalated_tier()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a"], [Tier.Code] = ["b"], [Tier.Heavy] = ["b"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { Reply = "   " }, QuickModel);
        EventRecorder events = new();

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Explain), events.Sink, Deadline());

        Assert.Equal((Tier.Code, CodeModel, "b"), (result.Tier, result.Model, result.Endpoint));
        Assert.False(result.Verdict.IsWeak);
        Assert.False(string.IsNullOrWhiteSpace(result.Text));
        Assert.Equal(result.Text, events.VisibleText);
        DispatchEscalation escalation = Assert.IsType<DispatchEscalation>(result.Escalation);
        Assert.True(escalation.ReturnedEscalated);
        Assert.Equal(("a", "b"), (escalation.FromEndpoint, escalation.ToEndpoint));
        Assert.Equal(Tier.Code, result.ToHistoryTurn(Explain).Tier);
        Assert.Equal(Tier.Quick, result.DecidedTier);
    }

    [Fact]
    public async Task Escalation_goes_above_the_tier_a_fallback_already_landed_on()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(
            new() { [Tier.Quick] = ["a"], [Tier.Code] = ["b"], [Tier.Heavy] = ["b"] },
            new() { [Tier.Quick] = [Tier.Code] });
        cluster["a"].SetFaults(new EmulatorFaultSet { HostDown = true });
        cluster["b"].SetFaults(new EmulatorFaultSet { Reply = "" }, CodeModel);

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal((Tier.Code, Tier.Heavy), (result.Escalation?.FromTier, result.Escalation?.ToTier));
        Assert.Equal(Tier.Heavy, result.Tier);
        Assert.Single(cluster.Generations("b", CodeModel));
    }

    [Fact]
    public async Task Csharp_answer_that_does_not_parse_is_escalated()
    {
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a"], [Tier.Code] = ["a"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { Reply = "```csharp\npublic class Cache {\n    public void Put(string key {\n```" }, QuickModel);
        RouteRequest request = new("cs", RequestKind.Explain) { Language = "csharp", Text = "public sealed class Cache { }" };

        DispatchOptions options = new() { Deadlines = Generous };
        DispatchResult result = await cluster.Dispatcher(options).DispatchAsync(Request(config, request), null, Deadline());

        Assert.StartsWith("C# does not parse: CS", result.Escalation?.FirstVerdict.Reason, StringComparison.Ordinal);
        Assert.Equal(Tier.Code, result.Tier);
    }

    [Fact]
    public async Task A_request_with_its_own_judge_is_judged_by_it_and_escalated_on_its_verdict()
    {
        // A shape the default judge cannot read (a multi-file answer): the request's judge says what is weak.
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a"], [Tier.Code] = ["a"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { Reply = "fine by the default judge" }, QuickModel);
        List<string> judged = [];
        DispatchRequest request = Request(config, Explain) with
        {
            Judge = check =>
            {
                judged.Add(check.Answer);
                return check.Answer.StartsWith("fine by", StringComparison.Ordinal) ? AnswerVerdict.Weak("no file sections") : AnswerVerdict.Sound;
            },
        };

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(request, null, Deadline());

        Assert.Equal("no file sections", result.Escalation?.FirstVerdict.Reason);
        Assert.Equal(Tier.Code, result.Tier);
        Assert.False(result.Verdict.IsWeak);
        Assert.Equal(2, judged.Count);
    }

    [Fact]
    public async Task Completion_is_never_escalated()
    {
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Code] = ["a"], [Tier.Heavy] = ["a"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { Reply = "" });

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Completion), null, Deadline());

        Assert.Null(result.Escalation);
        Assert.Equal("", result.Text);
        Assert.Single(cluster.Generations("a"));
    }

    [Fact]
    public async Task A_host_without_insert_gets_a_raw_fill_in_the_middle_prompt_when_the_model_has_one()
    {
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Code] = ["a"] });
        cluster.Status.Set("a", CodeModel, new ModelStatus(true, true, false, false, 32768));
        DispatchRequest request = Request(config, Completion) with
        {
            BuildRawFillInTheMiddle = model => new ModelRequest(model) { Prompt = "<|fim_prefix|>x = <|fim_suffix|>\n<|fim_middle|>", Raw = true },
        };

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(request, null, Deadline());

        Assert.Equal("a", result.Endpoint);
        EmulatorRequestRecord sent = Assert.Single(cluster.Generations("a"));
        Assert.StartsWith("<|fim_prefix|>", sent.Prompt, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(sent.Suffix));
    }

    [Fact]
    public async Task A_host_without_insert_is_skipped_when_the_model_has_no_fill_in_the_middle_format()
    {
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Code] = ["a"] });
        cluster.Status.Set("a", CodeModel, new ModelStatus(true, true, false, false, 32768));

        DispatchFailedException failed = await Assert.ThrowsAsync<DispatchFailedException>(
            () => cluster.Dispatcher().DispatchAsync(Request(config, Completion) with { BuildRawFillInTheMiddle = _ => null }, null, Deadline()));

        Assert.Contains("no insert capability", failed.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.Generations("a"));
    }

    [Fact]
    public async Task Warm_model_on_host_b_is_preferred_over_a_cold_one_on_host_a_for_completion()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Code] = ["a", "b"] });
        cluster.Status.Set("a", CodeModel, new ModelStatus(true, false, true, false, 32768));
        cluster.Status.Set("b", CodeModel, new ModelStatus(true, true, true, false, 32768));
        EventRecorder events = new();

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Completion), events.Sink, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.Empty(cluster["a"].Requests);
        Assert.DoesNotContain(events.Events, e => e.Kind == DispatchEventKind.Progress);
        Assert.False(result.FellBack);
    }

    [Fact]
    public async Task Host_known_to_lack_the_model_is_skipped_with_the_pull_line_and_not_contacted()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        cluster.Status.Set("a", QuickModel, new ModelStatus(false, false, null, null, null));

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.Equal("skipped: model missing — ollama pull qwen2.5:3b", result.Attempts[0].Reason);
        Assert.Empty(cluster["a"].Requests);
    }

    [Fact]
    public async Task Host_whose_context_is_too_small_is_skipped()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        cluster.Status.Set("a", QuickModel, new ModelStatus(true, true, null, null, 512));

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.StartsWith("skipped: context too small", result.Attempts[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_not_found_on_one_host_falls_back_without_opening_its_circuit()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { ModelNotFound = true });

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.StartsWith("model missing — ollama pull qwen2.5:3b", result.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.Equal(EndpointCircuitState.Closed, cluster.Health.Snapshot("a").State);
    }

    [Fact]
    public async Task Caller_cancellation_propagates_closes_the_stream_and_tries_no_other_host()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { StallAfterChunks = 3 });
        using CancellationTokenSource caller = CancellationTokenSource.CreateLinkedTokenSource(Deadline());
        EventRecorder events = new() { OnEach = e => { if (e.Kind == DispatchEventKind.Text) { caller.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => cluster.Dispatcher().DispatchAsync(Request(config, Explain), events.Sink, caller.Token));

        await cluster["a"].WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, Deadline());
        Assert.Empty(cluster["b"].Requests);
        Assert.Equal(EndpointCircuitState.Closed, cluster.Health.Snapshot("a").State);
    }

    [Fact]
    public async Task Budget_exhausted_means_no_escalation_into_frontier_and_no_cloud_call()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "cloud");
        RouterConfig config = cluster.Config(new() { [Tier.Heavy] = ["a"], [Tier.Frontier] = ["cloud"] }, dailyUsd: 5);
        cluster["a"].SetFaults(new EmulatorFaultSet { Reply = "" });
        RouteRequest refactor = new("f1", RequestKind.Refactor) { Language = "python", Text = "def f(x):\n    return x+1\n" };
        DispatchRequest request = Request(config, refactor);
        Assert.Equal([Tier.Frontier], request.Decision.EscalationPath);

        DispatchOptions spent = new() { SpentTodayUsd = () => 5.0, Deadlines = Generous };
        DispatchResult result = await cluster.Dispatcher(spent).DispatchAsync(request, null, Deadline());

        Assert.Equal(Tier.Heavy, result.Tier);
        Assert.Null(result.Escalation?.ToTier);
        Assert.Contains("frontier: over the daily budget", result.Escalation?.Summary, StringComparison.Ordinal);
        Assert.Empty(cluster["cloud"].Requests);
        Assert.Equal(0, result.CostUsd);
    }

    [Fact]
    public async Task Within_budget_a_weak_answer_escalates_to_the_cloud_frontier_and_its_cost_is_reported()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "cloud");
        RouterConfig config = cluster.Config(new() { [Tier.Heavy] = ["a"], [Tier.Frontier] = ["cloud"] }, dailyUsd: 5);
        cluster["a"].SetFaults(new EmulatorFaultSet { Reply = "" });
        RouteRequest refactor = new("f1", RequestKind.Refactor) { Language = "python", Text = "def f(x):\n    return x+1\n" };

        DispatchResult result = await cluster.Dispatcher().DispatchAsync(Request(config, refactor), null, Deadline());

        Assert.Equal((Tier.Frontier, "cloud"), (result.Tier, result.Endpoint));
        Assert.Equal("/v1/chat/completions", Assert.Single(cluster["cloud"].Requests).Endpoint);
        Assert.NotNull(result.Usage);
        double expected = ((result.Usage.PromptTokens * 3.0) + (result.Usage.OutputTokens * 15.0)) / 1_000_000;
        Assert.Equal(expected, result.CostUsd, 9);
        Assert.True(result.CostUsd > 0);
    }

    [Fact]
    public async Task Out_of_memory_from_the_server_falls_back_and_the_attempt_says_so()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });
        ProviderException oom = new(
            ProviderErrorKind.ServerError, cluster["a"].BaseAddress, QuickModel, "HTTP 500: model requires more system memory: out of memory", 500);
        RequestDispatcher dispatcher = new(new FailingProviderSource(cluster.Pool, "a", oom), cluster.Health, cluster.Status, null, cluster.Clock);

        DispatchResult result = await dispatcher.DispatchAsync(Request(config, Explain), null, Deadline());

        Assert.Equal("b", result.Endpoint);
        Assert.StartsWith("out of memory: ", result.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.Equal(1, cluster.Health.Snapshot("a").ConsecutiveFailures);
    }

    [Fact]
    public async Task An_exception_from_the_callers_event_sink_propagates_and_is_not_blamed_on_the_host()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a", "b"] });

        await Assert.ThrowsAsync<IOException>(() => cluster.Dispatcher().DispatchAsync(
            Request(config, Explain),
            (e, _) => e.Kind == DispatchEventKind.Text ? throw new IOException("the terminal went away") : ValueTask.CompletedTask,
            Deadline()));

        Assert.Equal(0, cluster.Health.Snapshot("a").ConsecutiveFailures);
        Assert.Empty(cluster["b"].Requests);
    }

    private static void EmulatorRecordIs(EmulatorRequestRecord record, EmulatorRequestOutcome outcome) => Assert.Equal(outcome, record.Outcome);
}

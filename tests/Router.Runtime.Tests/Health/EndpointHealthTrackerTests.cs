using Router.Runtime.Health;

namespace Router.Runtime.Tests.Health;

public sealed class EndpointHealthTrackerTests
{
    private static readonly EndpointHealthOptions Options = new()
    {
        BaseCooldown = TimeSpan.FromSeconds(10),
        MaxCooldown = TimeSpan.FromSeconds(40),
        TrialTimeout = TimeSpan.FromSeconds(30),
    };

    private readonly ManualClock _clock = new();

    private EndpointHealthTracker Tracker() => new(Options, _clock);

    [Fact]
    public void One_unreachable_failure_opens_the_circuit_at_once_and_refuses_without_waiting()
    {
        EndpointHealthTracker tracker = Tracker();

        tracker.ReportFailure("solo", EndpointFailureKind.Unreachable, "connection refused");
        EndpointAdmission admission = tracker.TryAdmit("solo");

        Assert.False(admission.Allowed);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(10), admission.OpenUntil);
        Assert.Contains("circuit open until", admission.Reason, StringComparison.Ordinal);
        Assert.Contains("connection refused", admission.Reason, StringComparison.Ordinal);
        EndpointHealthSnapshot snapshot = tracker.Snapshot("solo");
        Assert.Equal(EndpointCircuitState.Open, snapshot.State);
        Assert.Equal("connection refused", snapshot.LastError);
    }

    [Fact]
    public void Server_errors_open_the_circuit_only_after_three_in_a_row()
    {
        EndpointHealthTracker tracker = Tracker();

        tracker.ReportFailure("box", EndpointFailureKind.ServerError, "HTTP 500");
        tracker.ReportFailure("box", EndpointFailureKind.ServerError, "HTTP 500");
        Assert.True(tracker.TryAdmit("box").Allowed);

        tracker.ReportFailure("box", EndpointFailureKind.ServerError, "HTTP 500");
        Assert.False(tracker.TryAdmit("box").Allowed);
    }

    [Fact]
    public void One_timeout_opens_the_circuit_and_only_a_good_probe_after_the_cooldown_or_a_good_trial_closes_it()
    {
        EndpointHealthTracker tracker = Tracker();

        tracker.ReportFailure("stallbox", EndpointFailureKind.Timeout, "timeout: no answer within 20 s");

        EndpointAdmission next = tracker.TryAdmit("stallbox");
        Assert.False(next.Allowed);
        Assert.Contains("no answer within 20 s", next.Reason, StringComparison.Ordinal);

        // Listing models says nothing about a host whose generation stalls: a probe before the cooldown keeps it open.
        tracker.ReportProbe("stallbox", ok: true, "GET /api/tags: 200");
        Assert.False(tracker.TryAdmit("stallbox").Allowed);

        _clock.Advance(TimeSpan.FromSeconds(10));
        EndpointAdmission trial = tracker.TryAdmit("stallbox");
        Assert.True(trial.IsTrial);
        tracker.ReportSuccess("stallbox");
        Assert.Equal(EndpointCircuitState.Closed, tracker.Snapshot("stallbox").State);
    }

    [Fact]
    public void A_success_in_between_resets_the_count_of_failures()
    {
        EndpointHealthTracker tracker = Tracker();

        tracker.ReportFailure("box", EndpointFailureKind.StreamCut, "cut");
        tracker.ReportFailure("box", EndpointFailureKind.StreamCut, "cut");
        tracker.ReportSuccess("box");
        tracker.ReportFailure("box", EndpointFailureKind.StreamCut, "cut");

        Assert.True(tracker.TryAdmit("box").Allowed);
        Assert.Equal(1, tracker.Snapshot("box").ConsecutiveFailures);
    }

    [Fact]
    public void After_the_cooldown_exactly_one_trial_is_let_through_and_its_success_closes_the_circuit()
    {
        EndpointHealthTracker tracker = Tracker();
        tracker.ReportFailure("solo", EndpointFailureKind.Unreachable, "refused");
        _clock.Advance(TimeSpan.FromSeconds(10));

        EndpointAdmission trial = tracker.TryAdmit("solo");
        EndpointAdmission second = tracker.TryAdmit("solo");
        Assert.True(trial.Allowed);
        Assert.True(trial.IsTrial);
        Assert.False(second.Allowed);
        Assert.Contains("trial", second.Reason, StringComparison.Ordinal);
        Assert.Equal(EndpointCircuitState.HalfOpen, tracker.Snapshot("solo").State);

        tracker.ReportSuccess("solo");
        Assert.Equal(EndpointCircuitState.Closed, tracker.Snapshot("solo").State);
        Assert.Equal(EndpointAdmission.Go, tracker.TryAdmit("solo"));
    }

    [Fact]
    public void A_failed_trial_reopens_with_a_doubled_cooldown_capped_at_the_maximum()
    {
        EndpointHealthTracker tracker = Tracker();
        tracker.ReportFailure("solo", EndpointFailureKind.Unreachable, "refused");
        List<TimeSpan> cooldowns = [];
        for (int i = 0; i < 4; i++)
        {
            EndpointHealthSnapshot open = tracker.Snapshot("solo");
            cooldowns.Add(open.OpenUntil!.Value - _clock.GetUtcNow());
            _clock.Advance(open.OpenUntil!.Value - _clock.GetUtcNow());
            Assert.True(tracker.TryAdmit("solo").IsTrial);
            tracker.ReportFailure("solo", EndpointFailureKind.Unreachable, "refused");
        }

        Assert.Equal([10, 20, 40, 40], cooldowns.Select(c => (int)c.TotalSeconds));
    }

    [Fact]
    public void A_trial_abandoned_by_its_caller_frees_the_slot_for_the_next_request()
    {
        EndpointHealthTracker tracker = Tracker();
        tracker.ReportFailure("solo", EndpointFailureKind.Unreachable, "refused");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(tracker.TryAdmit("solo").IsTrial);

        tracker.ReportAbandoned("solo");

        Assert.True(tracker.TryAdmit("solo").IsTrial);
    }

    [Fact]
    public void A_trial_that_never_reports_back_is_replaced_after_the_trial_timeout()
    {
        EndpointHealthTracker tracker = Tracker();
        tracker.ReportFailure("solo", EndpointFailureKind.Unreachable, "refused");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(tracker.TryAdmit("solo").IsTrial);

        _clock.Advance(TimeSpan.FromSeconds(31));

        Assert.True(tracker.TryAdmit("solo").IsTrial);
    }

    [Fact]
    public void A_good_probe_closes_a_circuit_opened_because_the_host_was_unreachable()
    {
        EndpointHealthTracker tracker = Tracker();
        tracker.ReportFailure("solo", EndpointFailureKind.Unreachable, "refused");

        tracker.ReportProbe("solo", ok: true, "GET /api/tags: 200");

        Assert.True(tracker.TryAdmit("solo").Allowed);
    }

    [Fact]
    public void A_hosts_retry_after_keeps_it_skipped_until_then_whatever_its_probes_say_and_never_past_the_cap()
    {
        EndpointHealthTracker tracker = new(Options with { MaxRetryAfterHold = TimeSpan.FromMinutes(2) }, _clock);

        tracker.ReportFailure("proxy", EndpointFailureKind.ServerError, "rate limited (429)");
        tracker.HoldOpen("proxy", TimeSpan.FromSeconds(45), "rate limited (429)");
        Assert.False(tracker.TryAdmit("proxy").Allowed);
        _clock.Advance(TimeSpan.FromSeconds(44));
        tracker.ReportProbe("proxy", ok: true, "GET /v1/models: 200");
        Assert.False(tracker.TryAdmit("proxy").Allowed);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(tracker.TryAdmit("proxy").Allowed);

        tracker.HoldOpen("huge", TimeSpan.FromDays(1), "rate limited (429)");
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(2), tracker.TryAdmit("huge").OpenUntil);

        // A shorter wait does not cut an opening that already lasts longer.
        tracker.HoldOpen("huge", TimeSpan.FromSeconds(5), "rate limited (429)");
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(2), tracker.TryAdmit("huge").OpenUntil);
    }

    [Fact]
    public void A_good_probe_keeps_the_cooldown_of_a_host_that_failed_with_server_errors()
    {
        EndpointHealthTracker tracker = Tracker();
        for (int i = 0; i < 3; i++)
        {
            tracker.ReportFailure("box", EndpointFailureKind.ServerError, "out of memory");
        }

        tracker.ReportProbe("box", ok: true, "GET /api/tags: 200");
        Assert.False(tracker.TryAdmit("box").Allowed);

        _clock.Advance(TimeSpan.FromSeconds(10));
        tracker.ReportProbe("box", ok: true, "GET /api/tags: 200");
        Assert.Equal(EndpointCircuitState.Closed, tracker.Snapshot("box").State);
    }

    [Fact]
    public void A_failed_probe_opens_the_circuit_and_raises_a_state_change()
    {
        EndpointHealthTracker tracker = Tracker();
        List<EndpointHealthSnapshot> changes = [];
        tracker.StateChanged += (_, snapshot) => changes.Add(snapshot);

        tracker.ReportProbe("gpu-box", ok: false, "GET /api/tags: connection refused");

        EndpointHealthSnapshot change = Assert.Single(changes);
        Assert.Equal(EndpointCircuitState.Open, change.State);
        Assert.Equal("GET /api/tags: connection refused", change.LastError);
        Assert.Equal(["gpu-box"], tracker.SnapshotAll().Select(s => s.Endpoint));
    }

    [Fact]
    public void Endpoints_are_tracked_apart()
    {
        EndpointHealthTracker tracker = Tracker();

        tracker.ReportFailure("gpu-box", EndpointFailureKind.Unreachable, "refused");

        Assert.False(tracker.TryAdmit("gpu-box").Allowed);
        Assert.True(tracker.TryAdmit("laptop").Allowed);
        Assert.Equal(EndpointCircuitState.Closed, tracker.Snapshot("laptop").State);
    }
}

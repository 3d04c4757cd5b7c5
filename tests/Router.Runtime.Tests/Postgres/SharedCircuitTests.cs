using System.Diagnostics;
using Npgsql;
using Router.Runtime.Health;
using Router.Runtime.Health.Postgres;
using Router.Runtime.Usage.Postgres;

namespace Router.Runtime.Tests.Postgres;

/// <summary>Two routers' health trackers, each with its own connections to one PostgreSQL, sharing circuit openings.</summary>
[Collection(PostgresTests.Name)]
public sealed class SharedCircuitTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_host_one_router_finds_dead_is_skipped_by_another_within_a_second()
    {
        string connection = await cluster.CreateDatabaseAsync();
        await using NpgsqlDataSource first = PostgresUsageLedger.CreateDataSource(connection);
        await using NpgsqlDataSource second = PostgresUsageLedger.CreateDataSource(connection);
        EndpointHealthTracker seer = new();
        EndpointHealthTracker other = new();
        await using SharedCircuitNotices seen = new(first, seer);
        await using SharedCircuitNotices told = new(second, other);
        await Task.WhenAll(seen.Listening, told.Listening).WaitAsync(TimeSpan.FromSeconds(10));

        Stopwatch clock = Stopwatch.StartNew();
        seer.ReportFailure("gpu-box", EndpointFailureKind.Unreachable, "connection refused (http://127.0.0.1:11435)");
        while (other.Peek("gpu-box").Allowed && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        clock.Stop();
        EndpointAdmission admission = other.Peek("gpu-box");
        Assert.False(admission.Allowed);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the other router skipped the host after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Contains("another router found it down", admission.Reason, StringComparison.Ordinal);
        Assert.True(other.Peek("laptop").Allowed);
        Assert.Equal(1, seen.Published);
        Assert.Equal(1, told.Applied);
        Assert.Equal(0, seen.Applied);
    }

    [Fact]
    public async Task A_stale_notice_changes_nothing_and_a_long_one_holds_at_most_the_peer_bound()
    {
        string connection = await cluster.CreateDatabaseAsync();
        await using NpgsqlDataSource source = PostgresUsageLedger.CreateDataSource(connection);
        EndpointHealthTracker tracker = new(new EndpointHealthOptions { MaxPeerHold = TimeSpan.FromSeconds(30) });
        await using SharedCircuitNotices notices = new(source, tracker);
        await notices.Listening.WaitAsync(TimeSpan.FromSeconds(10));

        await NotifyAsync(source, "old-box", DateTimeOffset.UtcNow.AddMinutes(-1));
        await NotifyAsync(source, "gpu-box", DateTimeOffset.UtcNow.AddHours(1));
        await PostgresUsageLedgerTests.WaitUntilAsync(() => !tracker.Peek("gpu-box").Allowed, TimeSpan.FromSeconds(5));

        Assert.True(tracker.Peek("old-box").Allowed);
        EndpointHealthSnapshot held = tracker.Snapshot("gpu-box");
        Assert.True(held.OpenUntil <= DateTimeOffset.UtcNow.AddSeconds(30), $"held until {held.OpenUntil}");

        // A good probe here closes it at once: the notice counts as the host being unreachable, and it answers.
        tracker.ReportProbe("gpu-box", ok: true, "tags listed");
        Assert.True(tracker.Peek("gpu-box").Allowed);
    }

    private static async Task NotifyAsync(NpgsqlDataSource source, string endpoint, DateTimeOffset until)
    {
        await using NpgsqlCommand notify = source.CreateCommand("SELECT pg_notify($1, $2)");
        notify.Parameters.Add(new NpgsqlParameter { Value = SharedCircuitNotices.ChannelName });
        notify.Parameters.Add(new NpgsqlParameter
        {
            Value = $$"""{"endpoint":"{{endpoint}}","untilUnixMs":{{until.ToUnixTimeMilliseconds()}},"origin":"elsewhere","reason":"test"}""",
        });
        await notify.ExecuteNonQueryAsync();
    }
}

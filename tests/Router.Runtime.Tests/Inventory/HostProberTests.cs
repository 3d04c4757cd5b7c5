using System.Collections.Concurrent;
using Router.Runtime.Inventory;

namespace Router.Runtime.Tests.Inventory;

public sealed class HostProberTests
{
    [Fact]
    public async Task Every_endpoint_is_reported_each_round_the_dead_one_as_unreachable()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        var dead = EmulatedHosts.ClosedPort();
        using var inventory = new HostInventory(EmulatedHosts.Patient());
        var reports = new ConcurrentQueue<EndpointSnapshot>();
        var twoRoundsEach = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var prober = new HostProber(inventory, () => [hosts.Ollama, dead], snapshot =>
        {
            reports.Enqueue(snapshot);
            if (reports.Count(r => r.Endpoint == "box") >= 2 && reports.Count(r => r.Endpoint == "dead") >= 2)
            {
                twoRoundsEach.TrySetResult();
            }
        }, TimeSpan.FromMilliseconds(20));

        prober.Start(CancellationToken.None);
        await twoRoundsEach.Task.WaitAsync(EmulatedHosts.Patience);

        Assert.All(reports.Where(r => r.Endpoint == "box"), r => Assert.True(r.Reachable));
        Assert.All(reports.Where(r => r.Endpoint == "dead"), r => Assert.False(r.Reachable));
        Assert.True(inventory.LastSnapshot(dead)!.Reachable == false);
    }

    [Fact]
    public async Task A_callback_that_throws_does_not_stop_the_probing()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient());
        var calls = 0;
        var thirdCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var prober = new HostProber(inventory, () => [hosts.Ollama], _ =>
        {
            if (Interlocked.Increment(ref calls) >= 3)
            {
                thirdCall.TrySetResult();
            }

            throw new InvalidOperationException("health tracker bug");
        }, TimeSpan.FromMilliseconds(20));

        prober.Start(CancellationToken.None);
        await thirdCall.Task.WaitAsync(EmulatedHosts.Patience);

        Assert.True(prober.CallbackFailures >= 2);
    }

    [Fact]
    public async Task After_dispose_no_more_probes_reach_the_host()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient());
        var firstReport = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var prober = new HostProber(inventory, () => [hosts.Ollama], _ => firstReport.TrySetResult(), TimeSpan.FromMilliseconds(10));
        prober.Start(CancellationToken.None);
        await firstReport.Task.WaitAsync(EmulatedHosts.Patience);

        await prober.DisposeAsync();

        // A probe the prober had started may still be in flight in the inventory: settle it, then count.
        await inventory.ProbeAsync(hosts.Ollama, EmulatedHosts.Deadline());
        var tagsAfterStop = hosts.Count("/api/tags");
        await inventory.ProbeAsync(hosts.Ollama, EmulatedHosts.Deadline());
        await inventory.ProbeAsync(hosts.Ollama, EmulatedHosts.Deadline());

        // Only the test's own probes arrive now; a prober still running every 10 ms would add more meanwhile.
        Assert.Equal(tagsAfterStop + 2, hosts.Count("/api/tags"));
    }
}

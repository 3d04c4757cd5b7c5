using System.Collections.Concurrent;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Emulator;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;
using static Router.Runtime.Tests.Dispatch.EmulatedCluster;

namespace Router.Runtime.Tests.Dispatch;

public sealed class DispatchChaosTests
{
    private const int RequestCount = 500;
    private const int RoundSize = 25;
    private const string PrivateMark = "PRIVATE-";

    private enum Ending
    {
        Answer,
        ClearError,
        Hung,
    }

    [Fact]
    public async Task Five_hundred_mixed_requests_while_hosts_stop_and_start_each_end_in_one_answer_or_one_clear_error()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b", "cloud");
        RouterConfig config = cluster.Config(
            new() { [Tier.Quick] = ["a", "b"], [Tier.Code] = ["b", "a"], [Tier.Heavy] = ["a", "b"], [Tier.Frontier] = ["cloud"] },
            new() { [Tier.Quick] = [Tier.Code], [Tier.Code] = [Tier.Quick], [Tier.Heavy] = [Tier.Code, Tier.Frontier] },
            dailyUsd: 1000);

        // Real time here, with short cooldowns, so circuits open and close many times during the run.
        EndpointHealthTracker health = new(new EndpointHealthOptions
        {
            BaseCooldown = TimeSpan.FromMilliseconds(5),
            MaxCooldown = TimeSpan.FromMilliseconds(40),
            TrialTimeout = TimeSpan.FromSeconds(5),
        });
        RequestDispatcher dispatcher = cluster.Dispatcher(
            new DispatchOptions { Deadlines = new DeadlinesConfig(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)), ChunkIdleTimeout = TimeSpan.FromSeconds(5) }, health);
        ConcurrentDictionary<int, Ending> endings = new();
        ConcurrentBag<string> doubleEndings = [];
        ConcurrentBag<string> privateLeaks = [];
        int detours = 0;

        // One host starts down; then, in each of 20 rounds of 25 requests, a random host goes down or up (or starts
        // cutting streams) while the round runs, so the chaos overlaps the requests however fast the machine is.
        await cluster["a"].StopListeningAsync(Deadline());
        HashSet<string> stopped = ["a"];
        Random random = new(4242);
        for (int round = 0; round < RequestCount / RoundSize; round++)
        {
            Task step = ChaosStepAsync(cluster, random, stopped);
            await Parallel.ForEachAsync(
                Enumerable.Range(round * RoundSize, RoundSize),
                new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (i, _) =>
                {
                    RouteRequest request = MakeRequest(i);
                    using CancellationTokenSource limit = new(TimeSpan.FromSeconds(20));
                    Ending ending;
                    try
                    {
                        DispatchResult result = await dispatcher.DispatchAsync(Request(config, request), null, limit.Token);
                        ending = Ending.Answer;
                        Assert.NotNull(result.Text);
                        CheckPrivacy(i, result.Attempts, privateLeaks);
                        if (result.Attempts.Count > 1)
                        {
                            Interlocked.Increment(ref detours);
                        }
                    }
                    catch (DispatchFailedException e)
                    {
                        ending = e.Attempts.Count > 0 && e.Attempts.All(a => e.Message.Contains(a.Endpoint, StringComparison.Ordinal))
                            ? Ending.ClearError
                            : Ending.Hung;
                        CheckPrivacy(i, e.Attempts, privateLeaks);
                    }
                    catch (OperationCanceledException)
                    {
                        ending = Ending.Hung;
                    }

                    if (!endings.TryAdd(i, ending))
                    {
                        doubleEndings.Add($"request {i} ended twice");
                    }
                });
            await step;
        }


        Assert.Equal(RequestCount, endings.Count);
        Assert.Empty(doubleEndings);
        Assert.DoesNotContain(Ending.Hung, endings.Values);
        Assert.Empty(privateLeaks);
        Assert.DoesNotContain(cluster["cloud"].Requests, r => r.Prompt?.Contains(PrivateMark, StringComparison.Ordinal) == true);

        // The chaos did bite: some answers came only after a fallback or a skipped host.
        Assert.Contains(Ending.Answer, endings.Values);
        Assert.True(detours > 0);
    }

    private static RouteRequest MakeRequest(int i)
    {
        bool isPrivate = i % 3 == 0;
        string mark = isPrivate ? $"{PrivateMark}{i} " : $"public-{i} ";
        string? file = isPrivate ? "service/.env" : "service/app.py";
        return (i % 4) switch
        {
            0 => new RouteRequest($"r{i}", RequestKind.Completion) { Language = "python", File = file, Prefix = $"# {mark}\ndef add(a, b):\n    ", Suffix = "\n" },
            1 => new RouteRequest($"r{i}", RequestKind.Explain) { Language = "python", File = file, Text = mark + "squares = [i * i for i in range(10)]" },
            2 => new RouteRequest($"r{i}", RequestKind.Chat) { File = file, Text = mark + "How do I read a file line by line in Python?" },
            _ => new RouteRequest($"r{i}", RequestKind.Refactor)
            {
                Language = "python",
                File = file,
                Text = mark + "def f(x):\n    return x+1\n",

                // Every other refactor spans several files: a wide one goes to frontier unless private.
                Files = i % 8 == 3 ? ["service/a.py", "service/b.py", "service/c.py"] : [],
            },
        };
    }

    private static void CheckPrivacy(int i, IReadOnlyList<DispatchAttempt> attempts, ConcurrentBag<string> leaks)
    {
        if (i % 3 == 0 && attempts.Any(a => a.Endpoint == "cloud" && a.Outcome != DispatchAttemptOutcome.Skipped))
        {
            leaks.Add($"private request {i} was sent to the cloud");
        }
    }

    /// <summary>One random change: a host stops or resumes listening, or starts or stops cutting streams.</summary>
    private static async Task ChaosStepAsync(EmulatedCluster cluster, Random random, HashSet<string> stopped)
    {
        string[] hosts = ["a", "b", "cloud"];
        string host = hosts[random.Next(hosts.Length)];
        if (random.NextDouble() < 0.25)
        {
            cluster[host].SetFaults(random.NextDouble() < 0.5 ? new EmulatorFaultSet { CutAfterChunks = 2 } : EmulatorFaultSet.None);
        }
        else if (stopped.Remove(host))
        {
            await cluster[host].ResumeListeningAsync(CancellationToken.None);
        }
        else
        {
            stopped.Add(host);
            await cluster[host].StopListeningAsync(CancellationToken.None);
        }
    }
}

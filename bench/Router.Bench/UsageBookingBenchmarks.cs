using BenchmarkDotNet.Attributes;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Quality;
using Router.Runtime.Dispatch;
using Router.Runtime.Usage;

namespace Router.Bench;

/// <summary>
/// What booking a finished request in the usage ledger adds to that request: building its <c>UsageRecord</c> from the
/// dispatch result (with the host's token counts, or with the answer's tokens counted when the host gave none) and
/// queueing it. The ledger's background writer stores the queue in a real SQLite file meanwhile, on the same cores.
/// </summary>
[Config(typeof(DecisionBenchmarkConfig))]
public class UsageBookingBenchmarks
{
    private const string Answer = "    return a + b\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "router-bench-ledger-" + Guid.NewGuid().ToString("N"));
    private UsageLedger _ledger = null!;
    private DispatchRequest _request = null!;
    private DispatchResult _result = null!;

    /// <summary>True: the host reported its token counts (Ollama's eval counts); false: the answer's tokens are counted.</summary>
    [Params(true, false)]
    public bool HostCounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ConfigLoadResult loaded = RouterConfigLoader.Load(EvalConfig.Yaml, "router.yaml", _ => null);
        RouterConfig config = loaded.Config ?? throw new InvalidOperationException("The evaluation configuration does not load.");
        RouteRequest request = new("bench", RequestKind.Completion) { Language = "python", Prefix = "def add(a, b):\n", Suffix = "\n\nprint(add(1, 2))\n" };
        RouteDecision decision = new RoutePolicy(config).Decide(request);
        _request = new DispatchRequest(request, decision, config);
        ModelUsage? usage = HostCounts ? new ModelUsage(812, 7, TimeSpan.FromMilliseconds(420), TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(300)) : null;
        _result = new DispatchResult(
            Answer, decision.Tier, decision.Model, decision.Endpoint, decision.Tier, "stop", usage, TimeSpan.FromMilliseconds(430),
            TimeSpan.FromMilliseconds(180), [], null, AnswerVerdict.Sound, 0);
        Directory.CreateDirectory(_folder);

        // Room for every booking of an iteration: a full queue would drop rows and time the shorter path.
        _ledger = UsageLedger.OpenAsync(Path.Combine(_folder, "usage.db"), new UsageLedgerOptions(QueueCapacity: 4_000_000))
            .GetAwaiter().GetResult();
    }

    [Benchmark]
    public bool Book()
    {
        bool queued = _ledger.Append(UsageBooking.Answered(_request with { UsageId = Guid.NewGuid().ToString("N") }, _result, DateTimeOffset.UtcNow));
        return queued;
    }

    [IterationCleanup]
    public void Drain() => _ledger.FlushAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_ledger.Dropped > 0)
        {
            throw new InvalidOperationException($"{_ledger.Dropped} bookings were dropped: the measurement is of the wrong path");
        }

        _ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Core.Configuration;
using Router.Quality;
using Router.Runtime.Budget;
using Router.Runtime.Placement;
using Router.Runtime.Usage;

namespace Router.Runtime.Dispatch;

/// <summary>Time limits, the answer judge, the spend source and the log a <see cref="RequestDispatcher"/> works with.</summary>
public sealed record DispatchOptions
{
    /// <summary>Deadlines for every request instead of each request's <see cref="RouterConfig.Deadlines"/> (router.yaml);
    /// null, the default, uses the configuration's.</summary>
    public DeadlinesConfig? Deadlines { get; init; }

    /// <summary>While an attempt waits for its first chunk, the user is told what is going on after a second and then this often.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest silence between two chunks before the stream counts as stalled and the next host is tried.</summary>
    public TimeSpan ChunkIdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Judges a complete answer (kinds other than completion); a seam for tests, <see cref="AnswerQuality.Judge"/> by default.</summary>
    public Func<AnswerCheck, AnswerVerdict> Judge { get; init; } = AnswerQuality.Judge;

    /// <summary>Cloud spend so far today in USD (the spend ledger); escalation into a paid tier only happens within the daily budget.</summary>
    public Func<double> SpentTodayUsd { get; init; } = static () => 0;

    /// <summary>Holds the daily and monthly cloud budgets across processes: a priced cloud attempt is sent only after its
    /// estimated cost is reserved there, and settled after. Null reserves nothing (the policy's daily check alone).</summary>
    public ICloudBudget? Budget { get; init; }

    /// <summary>Where every finished dispatch is booked (answered, failed or cancelled); null books nothing.</summary>
    public IUsageLedger? Usage { get; init; }

    /// <summary>Where the dispatch logs its decisions, attempts, fallbacks and escalations (never prompt or answer text);
    /// nowhere by default.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The placement in force: each Ollama request carries its plan's keep_alive and context, a cold load is
    /// predicted before the wait, and each answer's load time is measured; null dispatches without it.</summary>
    public PlacementState? Placement { get; init; }

    /// <summary>Rejects time limits that would fail every attempt.</summary>
    public void Validate()
    {
        if (ChunkIdleTimeout <= TimeSpan.Zero || ProgressInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("Dispatch time limits must be positive.");
        }

        ArgumentNullException.ThrowIfNull(Judge);
        ArgumentNullException.ThrowIfNull(SpentTodayUsd);
        ArgumentNullException.ThrowIfNull(Logger);
    }
}

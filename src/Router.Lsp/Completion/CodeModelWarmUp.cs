using Microsoft.Extensions.Logging;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Requests;
using Router.Runtime;
using Router.Runtime.Configuration;
using Router.Runtime.Benchmarks;
using Router.Runtime.Placement;
using Router.Runtime.Usage;

namespace Router.Lsp.Completion;

/// <summary>When the editor opens its first document, loads the code tier's model on its host (an Ollama load request, no
/// generation), so the first completion does not pay the cold load. For hosts with <c>vramGb</c> in router.yaml the placement
/// plan is made first, and the load carries the plan's keep_alive and context like every request after it. The plan is made
/// again every <see cref="ReplanEvery"/> from the day's request rates, and when router.yaml changes, so a long session does
/// not keep the morning's resident set.</summary>
internal sealed partial class CodeModelWarmUp(RouterConfigSource config, RouterRuntime runtime, ILogger logger, TimeProvider time) : IAsyncDisposable
{
    public static readonly TimeSpan ReplanEvery = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BenchedLoadsWindow = TimeSpan.FromDays(90);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _planning = new(1, 1);
    private ITimer? _replan;
    private int _started;

    /// <summary>The warm-up in progress or done; null before the first document opens.</summary>
    public Task? Running { get; private set; }

    /// <summary>The last re-plan started by the timer or a reload; null before one.</summary>
    public Task? Replanning { get; private set; }

    public void DocumentOpened(string uri)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            Running = Task.Run(RunAsync, CancellationToken.None);
            _replan = time.CreateTimer(static state => ((CodeModelWarmUp)state!).Replan(), this, ReplanEvery, ReplanEvery);
            config.Reloaded += Reloaded;
        }
    }

    /// <summary>Stops planning and waits for a plan or warm-up in flight, so nothing touches the ledger after the server stops.</summary>
    public async ValueTask DisposeAsync()
    {
        config.Reloaded -= Reloaded;
        if (_replan is not null)
        {
            await _replan.DisposeAsync();
        }

        await _stopping.CancelAsync();
        foreach (Task? running in new[] { Running, Replanning })
        {
            if (running is not null)
            {
                await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _stopping.Dispose();
    }

    private void Reloaded(ConfigReload reload) => Replan();

    private void Replan()
    {
        if (!_stopping.IsCancellationRequested)
        {
            Replanning = Task.Run(ReplanAsync, CancellationToken.None);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            limit.CancelAfter(Limit);
            RouterConfig current = config.Current;
            await NoteBenchedColdLoadsAsync(limit.Token);
            await PlanAsync(current, limit.Token);
            bool loaded = await runtime.WarmUpAsync(current, Tier.Code, limit.Token);
            LogWarmedUp(logger, loaded);
        }
#pragma warning disable CA1031 // A warm-up that fails only leaves the first completion to pay the load, as before.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
    }

    private async Task ReplanAsync()
    {
        try
        {
            using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            limit.CancelAfter(Limit);
            if (await PlanAsync(config.Current, limit.Token) is { } plan)
            {
                LogReplanned(logger, plan.Hosts.Count);
            }
        }
#pragma warning disable CA1031 // A failed re-plan keeps the plan in force until the next one.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogReplanFailed(logger, e);
        }
    }

    /// <summary>Cold loads `router bench --cold` measured give the hosts' load throughput, so the first cold-start notice is
    /// told from this machine's figures rather than the default.</summary>
    private async Task NoteBenchedColdLoadsAsync(CancellationToken cancellationToken)
    {
        if (runtime.Ledger is not UsageLedger { Path: { } path } || !File.Exists(path))
        {
            return;
        }

        try
        {
            BenchResultStore bench = await BenchResultStore.OpenAsync(path, cancellationToken);
            await bench.NoteColdLoadsAsync(runtime.Placement.Loads, time.GetUtcNow() - BenchedLoadsWindow, cancellationToken);
        }
        catch (BenchStoreException e)
        {
            LogBenchUnreadable(logger, e.Message);
        }
    }

    /// <summary>Plans for the hosts with <c>vramGb</c> from the ledger's measured rates; null when no host has one. One plan at
    /// a time: a timer that fires while one is being made waits for it.</summary>
    private async Task<PlacementPlan?> PlanAsync(RouterConfig current, CancellationToken cancellationToken)
    {
        if (!current.Endpoints.Values.Any(e => e.VramGb is not null))
        {
            return null;
        }

        await _planning.WaitAsync(cancellationToken);
        try
        {
            using HttpClient http = ProviderHttpClient.Create(TimeSpan.FromSeconds(2));
            MeasuredRates? measured = runtime.Ledger is { } ledger
                ? await LedgerRates.ReadAsync(ledger, current, time.GetUtcNow(), cancellationToken)
                : null;
            return await runtime.Placement.RefreshAsync(current, http, measured?.RequestsPerHour, TimeSpan.FromSeconds(15), cancellationToken);
        }
        finally
        {
            _planning.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "router bench's cold loads cannot be read ({Problem}); load times use the default throughput")]
    private static partial void LogBenchUnreadable(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "placement planned again for {Hosts} hosts")]
    private static partial void LogReplanned(ILogger logger, int hosts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "placement could not be planned again; the plan in force stays")]
    private static partial void LogReplanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "warm-up of the code model on the first open document: {Loaded}")]
    private static partial void LogWarmedUp(ILogger logger, bool loaded);

    [LoggerMessage(Level = LogLevel.Debug, Message = "warm-up of the code model failed; the first completion loads it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

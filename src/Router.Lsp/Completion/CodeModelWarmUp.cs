using Microsoft.Extensions.Logging;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Requests;
using Router.Runtime;
using Router.Runtime.Configuration;
using Router.Runtime.Placement;

namespace Router.Lsp.Completion;

/// <summary>When the editor opens its first document, loads the code tier's model on its host (an Ollama load request, no
/// generation), so the first completion does not pay the cold load. For hosts with <c>vramGb</c> in router.yaml the placement
/// plan is made first, and the load carries the plan's keep_alive and context like every request after it.</summary>
internal sealed partial class CodeModelWarmUp(RouterConfigSource config, RouterRuntime runtime, ILogger logger)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private int _started;

    /// <summary>The warm-up in progress or done; null before the first document opens.</summary>
    public Task? Running { get; private set; }

    public void DocumentOpened(string uri)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            Running = Task.Run(RunAsync, CancellationToken.None);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            using CancellationTokenSource limit = new(Limit);
            RouterConfig current = config.Current;
            if (current.Endpoints.Values.Any(e => e.VramGb is not null))
            {
                using HttpClient http = ProviderHttpClient.Create(TimeSpan.FromSeconds(2));
                MeasuredRates? measured = runtime.Ledger is { } ledger
                    ? await LedgerRates.ReadAsync(ledger, current, DateTimeOffset.UtcNow, limit.Token)
                    : null;
                await runtime.Placement.RefreshAsync(current, http, measured?.RequestsPerHour, TimeSpan.FromSeconds(15), limit.Token);
            }

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "warm-up of the code model on the first open document: {Loaded}")]
    private static partial void LogWarmedUp(ILogger logger, bool loaded);

    [LoggerMessage(Level = LogLevel.Debug, Message = "warm-up of the code model failed; the first completion loads it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

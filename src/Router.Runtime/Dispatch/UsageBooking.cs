using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Tokens;
using Router.Core.Usage;

namespace Router.Runtime.Dispatch;

/// <summary>Turns a finished dispatch into the ledger's <see cref="UsageRecord"/>: counts, timings, outcome and cost, never text.</summary>
internal static class UsageBooking
{
    // Ollama reports a few milliseconds of load_duration for a model already in memory; only a real load counts as cold.
    private static readonly TimeSpan ColdLoadThreshold = TimeSpan.FromMilliseconds(100);

    public static UsageRecord Answered(DispatchRequest request, DispatchResult result, DateTimeOffset at)
    {
        bool reported = result.Usage is not null;
        return new UsageRecord(
            request.UsageId,
            at,
            request.Request.Kind,
            result.Tier,
            result.Model,
            result.Endpoint,
            IsCloud(request.Config, result.Endpoint),
            request.Request.Language ?? "",
            result.Usage?.PromptTokens ?? request.Decision.EstimatedPromptTokens,
            result.Usage?.OutputTokens ?? TokenCounter.Default.Count(result.Text),
            !reported,
            result.TimeToFirstToken,
            result.Latency,
            result.Usage?.LoadDuration is { } load && load >= ColdLoadThreshold ? load : null,
            request.Request.Kind == RequestKind.Completion && result.Text.Length > 0 ? UsageOutcome.Shown : UsageOutcome.Answered,
            result.FellBack,
            result.Escalation?.ToTier is not null,
            null,
            (decimal)result.CostUsd,
            UsageReasons.ShortForm(request.Decision.Reasons))
        {
            Key = request.Key,
        };
    }

    /// <summary>A dispatch that ended without an answer: booked on the decided route, with the estimated prompt and no output.</summary>
    public static UsageRecord Unanswered(DispatchRequest request, UsageOutcome outcome, TimeSpan latency, DateTimeOffset at) => new(
        request.UsageId,
        at,
        request.Request.Kind,
        request.Decision.Tier,
        request.Decision.Model,
        request.Decision.Endpoint,
        IsCloud(request.Config, request.Decision.Endpoint),
        request.Request.Language ?? "",
        request.Decision.EstimatedPromptTokens,
        0,
        true,
        null,
        latency,
        null,
        outcome,
        false,
        false,
        null,
        0,
        UsageReasons.ShortForm(request.Decision.Reasons))
    {
        Key = request.Key,
    };

    private static bool IsCloud(RouterConfig config, string endpoint) =>
        config.Endpoints.TryGetValue(endpoint, out EndpointConfig? found) && found.Cloud;
}

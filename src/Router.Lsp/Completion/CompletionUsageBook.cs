using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Dispatch;
using Router.Runtime.Usage;

namespace Router.Lsp.Completion;

/// <summary>Books completions in the usage ledger: one row per completion that reached routing, with the request id its
/// item's accept command names, and the later verdict (accepted, dismissed) by that id. The only place the completion
/// feature touches the ledger; with no ledger it books nothing.</summary>
internal sealed class CompletionUsageBook(IUsageLedger? ledger)
{
    /// <summary>Books one completion. A completion answered from the cache asked no model and is not booked.</summary>
    /// <param name="shownLength">Characters shown to the user (0 when the answer came out empty).</param>
    public void Book(
        string requestId,
        DateTimeOffset at,
        string language,
        CompletionRoute route,
        AnsweredBy? answeredBy,
        DispatchResult? result,
        CompletionOutcome outcome,
        TimeSpan latency,
        TimeSpan? firstChunk,
        int promptTokensEstimate,
        int shownLength)
    {
        if (ledger is null || outcome == CompletionOutcome.Cached)
        {
            return;
        }

        Tier tier = answeredBy?.Tier ?? route.Decision.Tier;
        string endpoint = answeredBy?.Endpoint ?? route.Decision.Endpoint;
        ModelUsage? usage = result?.Usage;
        bool cloud = route.Config.Endpoints.TryGetValue(endpoint, out EndpointConfig? config) && config.Cloud;
        ledger.Append(new UsageRecord(
            requestId,
            at,
            RequestKind.Completion,
            tier,
            answeredBy?.Model ?? route.Decision.Model,
            endpoint,
            cloud,
            language,
            usage?.PromptTokens ?? promptTokensEstimate,

            // Without the server's count, about four characters a token.
            usage?.OutputTokens ?? ((shownLength + 3) / 4),
            TokensEstimated: usage is null,
            // The dispatch's own timings when it finished: the request's also hold the debounce, which is no model's time.
            result?.TimeToFirstToken ?? firstChunk,
            outcome == CompletionOutcome.Cancelled ? null : result?.Latency ?? latency,
            usage is { LoadDuration: { } load } && load > TimeSpan.FromMilliseconds(100) ? load : null,
            outcome switch
            {
                CompletionOutcome.Completed => UsageOutcome.Shown,
                CompletionOutcome.Empty => UsageOutcome.Answered,
                CompletionOutcome.Cancelled => UsageOutcome.Cancelled,
                _ => UsageOutcome.Failed,
            },
            FellBack: result?.FellBack ?? (answeredBy is not null && answeredBy.Endpoint != route.Decision.Endpoint),
            Escalated: false,
            AcceptedCharacters: null,
            CostUsd: (decimal)(result?.CostUsd ?? 0),
            UsageReasons.ShortForm(route.Decision.Reasons)));
    }

    public void Accepted(string requestId, int? characters) => ledger?.UpdateOutcome(requestId, UsageOutcome.Accepted, characters);

    public void Dismissed(string requestId) => ledger?.UpdateOutcome(requestId, UsageOutcome.Dismissed);
}

using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Quality;
using Router.Runtime.Budget;

namespace Router.Runtime.Dispatch;

/// <summary>What to dispatch: the editor's request, the policy's decision for it and the configuration that decision was made with.</summary>
public sealed record DispatchRequest(RouteRequest Request, RouteDecision Decision, RouterConfig Config)
{
    /// <summary>Builds the model request for a model name (the tier of each attempt may differ); null uses <see cref="ModelPrompts.Build"/>.</summary>
    public Func<string, ModelRequest>? BuildModelRequest { get; init; }

    /// <summary>For a completion on a host whose model lacks the <c>insert</c> capability: a raw prompt in the model family's
    /// own fill-in-the-middle format. Null, or a null result for a model, skips such hosts.</summary>
    public Func<string, ModelRequest?>? BuildRawFillInTheMiddle { get; init; }

    /// <summary>Judges this request's answers instead of the dispatcher's judge, for answers in a shape of their own
    /// (a multi-file refactor's file sections); null uses <see cref="DispatchOptions.Judge"/>.</summary>
    public Func<AnswerCheck, AnswerVerdict>? Judge { get; init; }

    /// <summary>The request's id in the usage ledger (unique across processes): a later outcome (a completion accepted or
    /// dismissed) names it.</summary>
    public string UsageId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>A budget of its own that this request's cloud spend also counts against (a gateway key's), beside the
    /// configuration's; null for none.</summary>
    public BudgetScope? BudgetScope { get; init; }

    /// <summary>The gateway key's name, booked on the ledger row (<see cref="Router.Core.Usage.UsageRecord.Key"/>); null for
    /// the editor and the CLI.</summary>
    public string? Key { get; init; }

    /// <summary>The tiers this caller may be answered by (a gateway key's): a fallback or an escalation to another tier is
    /// refused like a private request's cloud endpoint; null allows every tier.</summary>
    public IReadOnlySet<Tier>? AllowedTiers { get; init; }

    /// <summary>Whether a stream lost after its first text goes on on the next host (the editor replaces what it showed);
    /// false ends the dispatch there, for a caller that cannot take back text already sent (the gateway's streams).</summary>
    public bool RetriesAfterText { get; init; } = true;
}

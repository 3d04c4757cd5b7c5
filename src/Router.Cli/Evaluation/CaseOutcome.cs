using Router.Cli.Routing;
using Router.Core.Requests;

namespace Router.Cli.Evaluation;

/// <summary>A case and what the router decided for it (or why it could not), judged as score.py judges it.</summary>
/// <param name="Error">Set instead of <paramref name="Decision"/> when the request could not be routed.</param>
internal sealed record CaseOutcome(EvalCase Case, RouteDecisionLine? Decision, string? Error)
{
    private static readonly string FrontierName = Tier.Frontier.Name();

    public bool Routed => Decision is not null;

    /// <summary>The decided tier is one of the expected ones.</summary>
    public bool TierRight => Decision is not null && Case.ExpectedTiers.Contains(Decision.Tier, StringComparer.Ordinal);

    /// <summary>A private case that was not decided localOnly, or was decided localOnly but on frontier.</summary>
    public bool Leak => Decision is not null && Case.ExpectedLocalOnly && !(Decision.LocalOnly && Decision.Tier != FrontierName);

    /// <summary>A public case decided localOnly.</summary>
    public bool FalsePrivate => Decision is not null && !Case.ExpectedLocalOnly && Decision.LocalOnly;

    /// <summary>Right on both tier and privacy.</summary>
    public bool Passed => TierRight && !Leak && !FalsePrivate;
}

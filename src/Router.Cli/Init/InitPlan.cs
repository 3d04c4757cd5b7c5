using Router.Core.Requests;

namespace Router.Cli.Init;

/// <summary>Everything `router init` decided from the hosts it probed: a model per tier, fallbacks, escalation and the pulls that would fill gaps.</summary>
internal sealed record InitPlan(
    IReadOnlyList<HostSurvey> Hosts,
    IReadOnlyList<TierChoice> Choices,
    IReadOnlyList<TierFallback> Fallbacks,
    IReadOnlyList<Tier> Escalation,
    IReadOnlyList<PullSuggestion> Pulls)
{
    public TierChoice Choice(Tier tier) => Choices.First(c => c.Tier == tier);
}

using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Signals;

namespace Router.Core.Policy;

/// <summary>The tiers <see cref="RoutePolicy"/> can ever send a request to under a configuration, worked out from the same
/// tables the policy decides with. It errs towards "reached": a tier missing from it is certainly never asked.</summary>
/// <remarks>
/// A request starts on a tier of the route table, or, for chat, on the tier its content signal picks (vision, reasoning,
/// code, heavy; continuity keeps chat on code). From a tier it may go on to:
/// its fallback chain; the escalation order above it (a weak answer, or a prompt too large for the tier);
/// heavy, when it is frontier and frontier is refused; and the first configured last-resort tier when it has no endpoint.
/// A model named in the editor's <c>router.models.*</c> settings can reach any tier that runs it; no file can tell that.
/// </remarks>
public static class ReachableTiers
{
    public static IReadOnlySet<Tier> Of(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        RouteTable routes = config.Routes;
        Queue<Tier> pending = new([
            routes.Completion, routes.Explain, routes.Refactor, routes.RefactorWide, routes.Chat,
            .. Enum.GetValues<SignalClass>().Select(RoutePolicy.TierOf)]);
        IReadOnlyList<Tier> ladder = RoutePolicy.ContextLadder(config);
        HashSet<Tier> reached = [];
        while (pending.TryDequeue(out Tier tier))
        {
            if (!reached.Add(tier))
            {
                continue;
            }

            foreach (Tier next in config.FallbacksOf(tier).Concat(Above(config, ladder, tier)))
            {
                pending.Enqueue(next);
            }

            if (tier == Tier.Frontier)
            {
                pending.Enqueue(Tier.Heavy);
            }

            if (!config.IsConfigured(tier))
            {
                foreach (Tier lastResort in RoutePolicy.LastResortTiers.Where(config.IsConfigured).Take(1))
                {
                    pending.Enqueue(lastResort);
                }
            }
        }

        return reached;
    }

    // The tiers a request on this tier may move up to: the ladder above it; from a tier not on the ladder, a larger one
    // (a prompt too large) or one at least as large that is not quick (a weak answer).
    private static IEnumerable<Tier> Above(RouterConfig config, IReadOnlyList<Tier> ladder, Tier tier)
    {
        int position = RoutePolicy.IndexOf(ladder, tier);
        if (position >= 0)
        {
            return ladder.Skip(position + 1);
        }

        int context = ContextOf(config, tier);
        return ladder.Where(t => ContextOf(config, t) > context || (t != Tier.Quick && ContextOf(config, t) >= context));
    }

    private static int ContextOf(RouterConfig config, Tier tier) => config.Tiers.TryGetValue(tier, out TierConfig? tierConfig) ? tierConfig.ContextTokens : 0;
}

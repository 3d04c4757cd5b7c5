using System.Globalization;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Runtime.Inventory;

namespace Router.Cli.Init;

/// <summary>Maps each tier to the best model the probed hosts have, and chains fallbacks only through models that can serve
/// the same requests. Pure: it reads the surveys and decides, nothing more.</summary>
internal static class TierChooser
{
    /// <summary>Tiers `router init` writes; frontier is a cloud endpoint, which no Ollama probe can find.</summary>
    public static IReadOnlyList<Tier> LocalTiers { get; } = [Tier.Quick, Tier.Code, Tier.Reasoning, Tier.Heavy, Tier.Vision];

    // Completion runs on every pause in typing: above this a coder answers too slowly on most GPUs.
    private const double CompletionMaxBillions = 16;
    private const double QuickMaxBillions = 4.5;
    private const double QuickSuitableBillions = 8;
    private const double HeavyMinBillions = 13;

    public static InitPlan Choose(IReadOnlyList<HostSurvey> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var reachable = hosts.Where(h => h.Reachable).ToList();
        var candidates = Candidates(reachable);
        var choices = new Dictionary<Tier, TierChoice>();
        var hostNames = reachable.Select(h => h.Name).ToList();

        choices[Tier.Quick] = ChooseQuick(candidates) ?? Pull(Tier.Quick, hostNames, "no model answers here yet");
        choices[Tier.Code] = ChooseCode(candidates)
            ?? StandIn(Tier.Code, choices[Tier.Quick], "no model here can fill in the middle, so completion has no suggestion until a coder is pulled")
            ?? Pull(Tier.Code, hostNames, "no model here can fill in the middle");
        choices[Tier.Heavy] = ChooseHeavy(candidates) ?? Pull(Tier.Heavy, hostNames, "no model answers here yet");
        choices[Tier.Reasoning] = ChooseReasoning(candidates)
            ?? StandIn(Tier.Reasoning, choices[Tier.Heavy], "no model here thinks before answering (the `thinking` capability)")
            ?? Pull(Tier.Reasoning, hostNames, "no reasoning model here");
        choices[Tier.Vision] = ChooseVision(candidates)
            ?? StandIn(Tier.Vision, choices[Tier.Quick], "no model here has the `vision` capability, so images go unread")
            ?? Pull(Tier.Vision, hostNames, "no vision model here");

        var ordered = LocalTiers.Select(t => choices[t]).ToList();
        return new InitPlan(hosts, ordered, Fallbacks(choices), Escalation(choices), Pulls(ordered));
    }

    private sealed record Candidate(HostModel Model, List<string> Hosts);

    /// <summary>Each distinct model that can answer, once, with every host that has it in the order the hosts were given.</summary>
    private static List<Candidate> Candidates(List<HostSurvey> hosts)
    {
        var byName = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var order = new List<Candidate>();
        foreach (var host in hosts)
        {
            foreach (var model in host.Models.Where(ModelTraits.Answers))
            {
                var key = OllamaModelName.Normalize(model.Name);
                if (byName.TryGetValue(key, out var known))
                {
                    known.Hosts.Add(host.Name);
                }
                else
                {
                    var candidate = new Candidate(model, [host.Name]);
                    byName[key] = candidate;
                    order.Add(candidate);
                }
            }
        }

        return order;
    }

    private static TierChoice? ChooseCode(List<Candidate> candidates)
    {
        var best = candidates
            .Where(c => ModelTraits.FillsInTheMiddle(c.Model))
            .OrderByDescending(c => c.Model.Has("insert"))
            .ThenByDescending(c => c.Model.Billions <= CompletionMaxBillions)
            .ThenByDescending(c => c.Model.Billions <= CompletionMaxBillions ? c.Model.Billions : -c.Model.Billions)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var how = best.Model.Has("insert")
            ? "has `insert`, so Ollama fills in the middle itself"
            : "has no `insert`, but the router knows its family's fill-in-the-middle template";
        var size = best.Model.Billions <= CompletionMaxBillions
            ? Invariant($"the largest such coder up to {CompletionMaxBillions:0}B, quick enough to answer as you type")
            : "the smallest such coder here";
        return Present(Tier.Code, best, suitable: true, $"{best.Model.Name} {how}; {size}");
    }

    private static TierChoice? ChooseQuick(List<Candidate> candidates)
    {
        var best = candidates
            .OrderByDescending(c => c.Model.Billions <= QuickMaxBillions)
            .ThenByDescending(c => IsPlain(c.Model))
            .ThenByDescending(c => c.Model.Billions <= QuickMaxBillions ? c.Model.Billions : -c.Model.Billions)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var suitable = best.Model.Billions <= QuickSuitableBillions;
        var why = suitable
            ? Invariant($"{best.Model.Name} ({Size(best.Model)}) is small, so explanations and chat start at once")
            : Invariant($"{best.Model.Name} ({Size(best.Model)}) is the smallest model here, but slow for quick answers");
        return Present(Tier.Quick, best, suitable, why);
    }

    private static TierChoice? ChooseHeavy(List<Candidate> candidates)
    {
        var best = candidates
            .Where(c => !ModelTraits.SeesImages(c.Model))
            .OrderByDescending(c => c.Model.Billions)
            .ThenByDescending(c => ModelTraits.IsCoder(c.Model))
            .FirstOrDefault() ?? candidates.OrderByDescending(c => c.Model.Billions).FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var suitable = best.Model.Billions >= HeavyMinBillions;
        var why = suitable
            ? Invariant($"{best.Model.Name} ({Size(best.Model)}) is the largest model here, for refactors")
            : Invariant($"{best.Model.Name} ({Size(best.Model)}) is the largest model here, small for refactors");
        return Present(Tier.Heavy, best, suitable, why);
    }

    private static TierChoice? ChooseReasoning(List<Candidate> candidates)
    {
        var best = candidates.Where(c => ModelTraits.Reasons(c.Model)).OrderByDescending(c => c.Model.Billions).FirstOrDefault();
        return best is null
            ? null
            : Present(Tier.Reasoning, best, suitable: true, Invariant($"{best.Model.Name} ({Size(best.Model)}) thinks before it answers, the largest such model here"));
    }

    private static TierChoice? ChooseVision(List<Candidate> candidates)
    {
        var best = candidates.Where(c => ModelTraits.SeesImages(c.Model)).OrderByDescending(c => c.Model.Billions).FirstOrDefault();
        return best is null
            ? null
            : Present(Tier.Vision, best, suitable: true, Invariant($"{best.Model.Name} ({Size(best.Model)}) has the `vision` capability, so it reads images"));
    }

    private static TierChoice Present(Tier tier, Candidate candidate, bool suitable, string why) =>
        new(tier, candidate.Model, candidate.Hosts, Context(tier, candidate.Model), Present: true, suitable, why);

    /// <summary>Another tier's present model, standing in so the tier still answers (and the configuration loads without gaps).</summary>
    private static TierChoice? StandIn(Tier tier, TierChoice other, string why) => other.Present
        ? new(tier, other.Model, other.Hosts, Context(tier, other.Model), Present: true, Suitable: false, $"{why}; {other.Model.Name} stands in")
        : null;

    /// <summary>Nothing here answers: the tier names the well-known model to pull, on every host probed.</summary>
    private static TierChoice Pull(Tier tier, List<string> hosts, string why)
    {
        var model = WellKnownModels.For(tier);
        return new(tier, model, hosts, Context(tier, model), Present: false, Suitable: false, $"{why}; `ollama pull {model.Name}` fills it");
    }

    private static bool IsPlain(HostModel model) => !ModelTraits.IsCoder(model) && !ModelTraits.Reasons(model) && !ModelTraits.SeesImages(model);

    private static int Context(Tier tier, HostModel model)
    {
        var wanted = RouterConfigLoader.DefaultContextTokens(tier);
        return model.ContextTokens is { } trained and > 0 ? Math.Min(wanted, trained) : wanted;
    }

    private static List<TierFallback> Fallbacks(Dictionary<Tier, TierChoice> choices)
    {
        var code = choices[Tier.Code];
        var fallbacks = new List<TierFallback>();

        // Completion only falls back to a smaller model that can also fill in the middle: any other answers the wrong question.
        var codeChain = new[] { Tier.Quick, Tier.Vision }
            .Where(t => Differs(choices[t], code) && ModelTraits.FillsInTheMiddle(choices[t].Model) && choices[t].Model.Billions < code.Model.Billions)
            .OrderByDescending(t => choices[t].Model.Billions)
            .ToList();
        codeChain = DistinctModels(codeChain, choices);
        fallbacks.Add(new TierFallback(Tier.Code, codeChain, codeChain.Count > 0
            ? $"{string.Join(", ", codeChain.Select(t => choices[t].Model.Name))}: a smaller model that also fills in the middle"
            : "no other model here fills in the middle, and completion must not fall back to one that cannot"));

        fallbacks.Add(Chain(Tier.Reasoning, [Tier.Heavy, Tier.Quick], choices, "any model can answer a question, if less well"));
        fallbacks.Add(Chain(Tier.Heavy, [Tier.Code, Tier.Quick], choices, "smaller models still answer while the large one is away"));

        var visionChain = new[] { Tier.Quick }
            .Where(t => Differs(choices[t], choices[Tier.Vision]) && ModelTraits.SeesImages(choices[t].Model))
            .ToList();
        fallbacks.Add(new TierFallback(Tier.Vision, visionChain, visionChain.Count > 0
            ? "another model that reads images"
            : "no other model here reads images"));
        return fallbacks;
    }

    private static TierFallback Chain(Tier tier, Tier[] order, Dictionary<Tier, TierChoice> choices, string why)
    {
        var chain = DistinctModels(order.Where(t => Differs(choices[t], choices[tier])), choices);
        // Two tiers on one model: falling back from one to the other would only ask the same model again.
        return new TierFallback(tier, chain, chain.Count > 0 ? why : "every other tier runs the same model");
    }

    /// <summary>The tiers in order, without one whose model an earlier tier already runs (a stand-in shares its model).</summary>
    private static List<Tier> DistinctModels(IEnumerable<Tier> tiers, Dictionary<Tier, TierChoice> choices)
    {
        var kept = new List<Tier>();
        foreach (var tier in tiers)
        {
            if (kept.All(k => Differs(choices[k], choices[tier])))
            {
                kept.Add(tier);
            }
        }

        return kept;
    }

    private static bool Differs(TierChoice a, TierChoice b) => !OllamaModelName.SameModel(a.Model.Name, b.Model.Name);

    /// <summary>Escalation from the quick tier up, skipping a tier that would ask the same model again.</summary>
    private static List<Tier> Escalation(Dictionary<Tier, TierChoice> choices)
    {
        return DistinctModels([Tier.Quick, Tier.Code, Tier.Heavy], choices);
    }

    private static List<PullSuggestion> Pulls(List<TierChoice> choices) => choices
        .Where(c => !c.Suitable)
        .GroupBy(c => WellKnownModels.For(c.Tier).Name, StringComparer.Ordinal)
        .Select(g => new PullSuggestion(g.Key, WellKnownModels.For(g.First().Tier).SizeBytes, g.Select(c => c.Tier).ToList()))
        .ToList();

    /// <summary>"14.8B", or the file size when the host gave no parameter count.</summary>
    public static string Size(HostModel model) =>
        model.ParameterSize ?? Invariant($"{model.Billions:0.#}B");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Router.Core.Budget;
using Router.Core.Configuration;
using Router.Core.Privacy;
using Router.Core.Requests;
using Router.Core.Signals;
using Router.Core.Tokens;

namespace Router.Core.Policy;

/// <summary>Decides tier, model and endpoint for a request, in the policy's order: privacy, kind, continuity,
/// context window, frontier availability. Pure: the same request, config and spend give the same decision.</summary>
public sealed class RoutePolicy
{
    /// <summary>A refactor selection longer than this many lines is wide.</summary>
    public const int WideRefactorLines = 300;

    /// <summary>A refactor selection of about this many tokens is wide.</summary>
    public const int WideRefactorTokens = 6000;

    /// <summary>A refactor touching at least this many other files is wide.</summary>
    public const int WideRefactorFiles = 2;

    private static readonly PrivacyFinding WorkspaceIsLocalOnly =
        new("local-only-workspace", "configuration", "the workspace is local-only (privacy.mode: local-only in router.yaml)");

    private readonly PrivacyScanner _scanner;
    private readonly TokenCounter _tokens;

    // What depends on the configuration alone, worked out once instead of at every decision: whether each tier can take
    // a request, its first endpoint and its fallback chain, for shared and for private requests (see SlotOf).
    private readonly bool[] _usable;
    private readonly EndpointConfig?[] _firstEndpoints;
    private readonly IReadOnlyList<FallbackStep>?[] _fallbackChains;

    /// <param name="overrides">Models the user named per kind; they apply after routing, within privacy and budget.</param>
    public RoutePolicy(RouterConfig config, TokenCounter? tokens = null, ModelOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Overrides = overrides ?? ModelOverrides.None;
        _scanner = new PrivacyScanner(config.Privacy.PrivatePaths);
        _tokens = tokens ?? TokenCounter.Default;

        Tier[] tiers = Enum.GetValues<Tier>();
        _usable = new bool[tiers.Length * 2];
        _firstEndpoints = new EndpointConfig?[tiers.Length * 2];
        _fallbackChains = new IReadOnlyList<FallbackStep>?[tiers.Length * 2];
        foreach (Tier tier in tiers)
        {
            foreach (bool localOnly in (bool[])[false, true])
            {
                int slot = SlotOf(tier, localOnly);
                EndpointConfig? first = Config.EndpointsOf(tier, localOnly).FirstOrDefault();
                _usable[slot] = Config.IsConfigured(tier) && first is not null && !(localOnly && tier == Tier.Frontier);
                _firstEndpoints[slot] = first;
                _fallbackChains[slot] = first is null ? null : BuildFallbackChain(tier, first, localOnly).AsReadOnly();
            }
        }
    }

    public RouterConfig Config { get; }

    /// <summary>The models the user named per request kind.</summary>
    public ModelOverrides Overrides { get; }

    /// <summary>The decision for <paramref name="request"/>.</summary>
    /// <param name="spentTodayUsd">Cloud spend so far today; frontier is allowed only while the request fits the daily budget.</param>
    /// <param name="hosts">Where the hosts' model lists put the model the request names, when it is no tier's model: it then
    /// goes to the hosts that list it (any tier's, local first) instead of the routed tier's. Null keeps it on the routed
    /// tier's endpoints.</param>
    public RouteDecision Decide(RouteRequest request, double spentTodayUsd = 0, ModelHosts? hosts = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<string> reasons = [$"kind {request.Kind.Name()}"];

        // 1. Privacy.
        bool localOnly = Config.Privacy.Mode == PrivacyMode.LocalOnly;
        PrivacyFinding? privateBecause = null;
        if (localOnly)
        {
            reasons.Add("private: workspace is local-only");
            privateBecause = WorkspaceIsLocalOnly;
        }
        else if (FindPrivateContent(request) is { } finding)
        {
            localOnly = true;
            privateBecause = finding;
            // The description never holds the secret itself, so it is safe in reasons and logs.
            bool namesField = finding.Description.Contains(finding.Field, StringComparison.OrdinalIgnoreCase);
            reasons.Add(namesField ? $"private: {finding.Description}" : $"private: {finding.Description} in {finding.Field}");
        }
        else if (request.ImageCount > 0 && !Config.Privacy.ImagesToCloud)
        {
            localOnly = true;
            privateBecause = new PrivacyFinding("image", "images", $"{Images(request.ImageCount)} attached, which no scan can read");
            reasons.Add($"private: {privateBecause.Description} (privacy.imagesToCloud is off)");
        }
        else if (request.ImageCount > 0)
        {
            reasons.Add($"{Images(request.ImageCount)} may go to the cloud unscanned (privacy.imagesToCloud is on)");
        }

        // Each text is tokenised once: the estimate and continuity's judgement of earlier turns share the counts.
        int textTokens = Count(request.Text);
        int[] historyTokens = request.Kind == RequestKind.Chat ? CountEach(request.History) : [];
        int promptTokens = EstimatePromptTokens(request, textTokens, historyTokens);

        // 2. Kind (and 3. continuity for chat).
        Tier tier = request.Kind switch
        {
            RequestKind.Completion => Config.Routes.Completion,
            RequestKind.Explain => Config.Routes.Explain,
            RequestKind.Refactor => ChooseRefactorTier(request, textTokens, promptTokens, localOnly, spentTodayUsd, reasons),
            _ => ChooseChatTier(request, textTokens, historyTokens, reasons),
        };

        // 4. Context window.
        int reserve = Config.Budget.OutputReserveTokens;
        int estimate = promptTokens;
        if (request.Kind == RequestKind.Completion)
        {
            int room = Math.Max(0, ContextOf(tier) - reserve);
            if (promptTokens > room)
            {
                estimate = room;
                reasons.Add(Invariant($"context: completion trimmed from {promptTokens} to {room} tokens to fit {tier.Name()} ({ContextOf(tier)})"));
            }
        }
        else
        {
            tier = FitContext(tier, promptTokens, reserve, localOnly, spentTodayUsd, reasons);
        }

        // 5. Frontier only when configured, allowed and in budget; any unconfigured tier goes down its fallbacks.
        tier = Resolve(tier, promptTokens, localOnly, spentTodayUsd, reasons);

        // 6. A tier or model the client named for this request, else the model the user named for this kind, within
        // privacy and budget.
        (Tier Tier, string? OtherModel, string? Setting) chosen = (tier, null, null);
        string? named = string.IsNullOrWhiteSpace(request.RequestedModel) ? Overrides.For(request.Kind) : request.RequestedModel.Trim();
        if (request.RequestedTier is { } requested)
        {
            chosen = (ApplyRequestedTier(requested, tier, promptTokens, localOnly, spentTodayUsd, reasons), null, null);
        }
        else if (named is { } wanted)
        {
            string setting = string.IsNullOrWhiteSpace(request.RequestedModel) ? ModelOverrides.SettingName(request.Kind) : "the request";
            chosen = ApplyOverride(request.Kind, wanted, setting, tier, promptTokens, localOnly, spentTodayUsd, reasons);
            if (!string.IsNullOrWhiteSpace(request.RequestedModel))
            {
                // No editor setting chose it.
                chosen.Setting = null;
            }
        }

        if (chosen.Tier != tier && request.Kind == RequestKind.Completion)
        {
            estimate = Math.Min(promptTokens, Math.Max(0, ContextOf(chosen.Tier) - reserve));
        }

        tier = chosen.Tier;

        TierConfig tierConfig = Config.Tiers[tier];
        EndpointConfig endpoint = _firstEndpoints[SlotOf(tier, localOnly)] ?? Config.EndpointsOf(tier, localOnly).First();
        if (chosen.OtherModel is { } passed && hosts is not null && string.Equals(hosts.Model, passed, StringComparison.Ordinal))
        {
            return PassThrough(request.Id, tier, hosts, localOnly, estimate, promptTokens, spentTodayUsd, reasons) with
            {
                ModelSetting = chosen.Setting,
                PrivateBecause = privateBecause,
            };
        }

        if (chosen.OtherModel is { } other)
        {
            // No tier's model: the routed tier's endpoints run it, and nothing else does, so a host without it says
            // "ollama pull" instead of another model answering in its place.
            return new RouteDecision(
                request.Id,
                tier,
                other,
                endpoint.Name,
                localOnly,
                estimate,
                reasons,
                [.. Config.EndpointsOf(tier, localOnly).Skip(1).Select(e => new FallbackStep(tier, other, e.Name))],
                []) { ModelSetting = chosen.Setting, PrivateBecause = privateBecause };
        }

        return new RouteDecision(
            request.Id,
            tier,
            tierConfig.Model,
            endpoint.Name,
            localOnly,
            estimate,
            reasons,
            _fallbackChains[SlotOf(tier, localOnly)]!,
            request.Kind == RequestKind.Completion ? [] : BuildEscalationPath(tier, localOnly, promptTokens, spentTodayUsd))
        {
            ModelSetting = chosen.Setting,
            PrivateBecause = privateBecause,
        };
    }

    /// <summary>Where a model the user named takes the request: the tier whose model it is, or the routed tier running it when
    /// no tier has it. Privacy and budget win over the setting; the reasons say which happened.</summary>
    private (Tier Tier, string? OtherModel, string? Setting) ApplyOverride(
        RequestKind kind, string wanted, string setting, Tier routed, int promptTokens, bool localOnly, double spent, List<string> reasons)
    {
        Tier? named = TierOfModel(wanted, routed);
        if (named is not { } target)
        {
            reasons.Add($"model set by {setting}: {wanted}, on {routed.Name()}'s endpoints (no tier has that model)");
            return (routed, wanted, setting);
        }

        if (target == routed)
        {
            reasons.Add($"model set by {setting}: {wanted} ({routed.Name()}'s model)");
            return (routed, null, setting);
        }

        if (OverrideRefusal(target, promptTokens, localOnly, spent) is { } refusal)
        {
            reasons.Add($"{setting} ({wanted}, tier {target.Name()}) set aside: {refusal}; stays on {routed.Name()}");
            return (routed, null, null);
        }

        reasons.Add($"model set by {setting}: {wanted} (tier {target.Name()})");
        int needed = promptTokens + Config.Budget.OutputReserveTokens;
        if (kind != RequestKind.Completion && needed > ContextOf(target))
        {
            reasons.Add(Invariant($"context: {needed} tokens exceed {target.Name()} ({ContextOf(target)}); kept because the model was set"));
        }

        return (target, null, setting);
    }

    /// <summary>A model no tier has, sent where the hosts' lists put it: the local endpoints that list it, then local ones whose
    /// list is unknown, then (unless the request is private, and within budget) the cloud endpoints, which are never probed.
    /// With nowhere to go, the routed tier's endpoints, which the dispatcher finds without the model.</summary>
    private RouteDecision PassThrough(
        string id, Tier routed, ModelHosts hosts, bool localOnly, int estimate, int promptTokens, double spent, List<string> reasons)
    {
        string model = hosts.Model;
        List<EndpointConfig> listing = [.. Known(hosts.Listing)];
        List<EndpointConfig> unknown = [.. Known(hosts.Unknown).Where(e => !listing.Contains(e))];
        List<EndpointConfig> local = [.. listing.Where(e => !e.Cloud), .. unknown.Where(e => !e.Cloud)];
        List<EndpointConfig> cloud = [.. listing.Where(e => e.Cloud), .. unknown.Where(e => e.Cloud)];
        List<string> keptOff = [];
        List<EndpointConfig> chosen = [.. local];
        if (localOnly)
        {
            keptOff.AddRange(cloud.Select(e => e.Name));
        }
        else
        {
            foreach (EndpointConfig endpoint in cloud)
            {
                TierConfig priced = Config.Tiers[TierFor(endpoint, routed)];
                double cost = CloudCost.Usd(priced, promptTokens, Config.Budget.OutputReserveTokens);
                if (cost > 0 && spent + cost > Config.Budget.DailyUsd)
                {
                    reasons.Add(Invariant($"model {model} not asked of {endpoint.Name}: over budget (${spent:0.00} spent today + about ${cost:0.00} is past the ${Config.Budget.DailyUsd:0.00} a day)"));
                    continue;
                }

                chosen.Add(endpoint);
            }
        }

        List<string> hostsWithIt = [.. chosen.Where(listing.Contains).Select(e => e.Name)];
        if (hostsWithIt.Count > 0)
        {
            reasons.Add($"model {model} on {hostsWithIt[0]}{(hostsWithIt.Count > 1 ? $" (also on {string.Join(", ", hostsWithIt.Skip(1))})" : "")}");
        }

        if (chosen.Count > hostsWithIt.Count)
        {
            reasons.Add($"model {model}: {(hostsWithIt.Count == 0 ? "no host lists it; " : "")}asking {string.Join(", ", chosen.Where(e => !listing.Contains(e)).Select(e => e.Name))}, whose lists are not known");
        }

        if (keptOff.Count > 0)
        {
            reasons.Add($"model {model}: {string.Join(", ", keptOff)} not asked, the request is private");
        }

        if (chosen.Count == 0)
        {
            reasons.Add($"model {model}: no host lists it");
            chosen.AddRange(Config.EndpointsOf(routed, localOnly));
        }

        List<FallbackStep> steps = [.. chosen.Select(e => new FallbackStep(TierFor(e, routed), model, e.Name))];
        return new RouteDecision(id, steps[0].Tier, model, steps[0].Endpoint, localOnly, estimate, reasons, steps[1..], [])
        {
            PassThrough = new ModelPassThrough(model, hostsWithIt, keptOff),
        };

        IEnumerable<EndpointConfig> Known(IEnumerable<string> names) =>
            names.Select(name => Config.Endpoints.TryGetValue(name, out EndpointConfig? endpoint) ? endpoint : null).OfType<EndpointConfig>().Distinct();
    }

    /// <summary>The tier a pass-through attempt on <paramref name="endpoint"/> counts as (its prices, a key's allowed tiers): the
    /// routed tier when the endpoint is one of its own or local, else the first tier that uses the cloud endpoint.</summary>
    private Tier TierFor(EndpointConfig endpoint, Tier routed)
    {
        if (!endpoint.Cloud || Config.Tiers[routed].Endpoints.Contains(endpoint.Name, StringComparer.Ordinal))
        {
            return routed;
        }

        foreach (Tier tier in Enum.GetValues<Tier>())
        {
            if (Config.Tiers.TryGetValue(tier, out TierConfig? config) && config.Endpoints.Contains(endpoint.Name, StringComparer.Ordinal))
            {
                return tier;
            }
        }

        return routed;
    }

    /// <summary>Where a tier the client named takes the request: that tier, unless privacy, budget or a missing endpoint
    /// forbid it; then the routed tier, and the reasons say why.</summary>
    private Tier ApplyRequestedTier(Tier requested, Tier routed, int promptTokens, bool localOnly, double spent, List<string> reasons)
    {
        if (requested == routed)
        {
            reasons.Add($"tier {requested.Name()} requested");
            return routed;
        }

        if (!Config.IsConfigured(requested))
        {
            reasons.Add($"tier {requested.Name()} requested but not configured; stays on {routed.Name()}");
            return routed;
        }

        if (OverrideRefusal(requested, promptTokens, localOnly, spent) is { } refusal)
        {
            reasons.Add($"tier {requested.Name()} requested, set aside: {refusal}; stays on {routed.Name()}");
            return routed;
        }

        reasons.Add($"tier {requested.Name()} requested");
        return requested;
    }

    /// <summary>The configured tier whose model is <paramref name="model"/>, the routed tier first when several share it.</summary>
    private Tier? TierOfModel(string model, Tier routed)
    {
        if (HasModel(routed))
        {
            return routed;
        }

        foreach (Tier tier in Enum.GetValues<Tier>())
        {
            if (HasModel(tier))
            {
                return tier;
            }
        }

        return null;

        bool HasModel(Tier tier) =>
            Config.IsConfigured(tier) && string.Equals(Config.Tiers[tier].Model, model, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why a named model's tier may not take the request, or null when it may.</summary>
    private string? OverrideRefusal(Tier tier, int promptTokens, bool localOnly, double spent)
    {
        if (localOnly && (tier == Tier.Frontier || !Config.EndpointsOf(tier, localOnly: true).Any()))
        {
            return $"the request is private and {tier.Name()} runs only in the cloud";
        }

        if (tier == Tier.Frontier)
        {
            return FrontierRefusal(promptTokens, localOnly, spent);
        }

        if (!IsUsable(tier, localOnly))
        {
            return $"{tier.Name()} has no usable endpoint";
        }

        if (Config.EndpointsOf(tier, localOnly).First().Cloud)
        {
            double cost = CloudCost.Usd(Config.Tiers[tier], promptTokens, Config.Budget.OutputReserveTokens);
            if (spent + cost > Config.Budget.DailyUsd)
            {
                return Invariant($"over budget: ${spent:0.00} spent today + about ${cost:0.00} for this request is past the ${Config.Budget.DailyUsd:0.00} a day");
            }
        }

        return null;
    }

    private PrivacyFinding? FindPrivateContent(RouteRequest request)
    {
        PrivacyFinding? finding = _scanner.ScanPath(request.File)
            ?? _scanner.ScanText(request.Text, "text")
            ?? _scanner.ScanText(request.Prefix, "prefix")
            ?? _scanner.ScanText(request.Suffix, "suffix");
        if (finding is not null)
        {
            return finding;
        }

        foreach (HistoryTurn turn in request.History)
        {
            if (_scanner.ScanText(turn.Text, "history") is { } found)
            {
                return found;
            }
        }

        if (_scanner.ScanText(request.ToolText, "tools") is { } inTools)
        {
            return inTools;
        }

        // Other files in scope are sent along with a refactor or used as chat context.
        foreach (string path in request.Files)
        {
            if (_scanner.ScanPath(path) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : _tokens.Count(text);

    // What would be sent: the prompt or selection, the completion's context, and for chat the earlier turns.
    private int EstimatePromptTokens(RouteRequest request, int textTokens, int[] historyTokens) => request.Kind switch
    {
        RequestKind.Completion => Count(request.Prefix) + Count(request.Suffix) + textTokens,
        RequestKind.Chat => textTokens + historyTokens.Sum() + Count(request.ToolText),
        _ => textTokens,
    };

    private int[] CountEach(IReadOnlyList<HistoryTurn> history)
    {
        int[] counts = new int[history.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = Count(history[i].Text);
        }

        return counts;
    }

    private Tier ChooseRefactorTier(RouteRequest request, int textTokens, int promptTokens, bool localOnly, double spent, List<string> reasons)
    {
        List<string> wide = [];
        int otherFiles = request.Files.Where(f => !string.Equals(f, request.File, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count();
        if (otherFiles >= WideRefactorFiles)
        {
            wide.Add(Invariant($"spans {otherFiles + (request.File is null ? 0 : 1)} files"));
        }

        int lines = CountLines(request.Text);
        if (lines > WideRefactorLines)
        {
            wide.Add(Invariant($"selection of {lines} lines"));
        }

        if (textTokens >= WideRefactorTokens)
        {
            wide.Add(Invariant($"selection of {textTokens} tokens"));
        }

        if (ContentSignalDetector.FindArchitectureChange(request.Text) is { } architecture)
        {
            wide.Add(architecture.Name);
        }

        if (wide.Count == 0)
        {
            return Config.Routes.Refactor;
        }

        reasons.Add($"wide refactor: {string.Join(", ", wide)}");
        Tier wanted = Config.Routes.RefactorWide;
        if (wanted == Tier.Frontier && FrontierRefusal(promptTokens, localOnly, spent) is { } refusal)
        {
            reasons.Add($"no frontier ({refusal}): {Config.Routes.Refactor.Name()}");
            return Config.Routes.Refactor;
        }

        return wanted;
    }

    private Tier ChooseChatTier(RouteRequest request, int textTokens, int[] historyTokens, List<string> reasons)
    {
        if (request.ImageCount > 0)
        {
            reasons.Add($"image signal: {Images(request.ImageCount)} attached");
            return Tier.Vision;
        }

        ContentAnalysis analysis = ContentSignalDetector.Analyze(request.Text, request.File, request.Files, textTokens);
        if (analysis.Winner is { } winner)
        {
            reasons.Add($"{ClassWord(winner)} signal: {analysis.Describe(winner)}");
            foreach (SignalClass other in (SignalClass[])[SignalClass.Image, SignalClass.Reasoning, SignalClass.Code, SignalClass.Wide])
            {
                if (other != winner && analysis.Score(other) >= ContentAnalysis.Threshold)
                {
                    reasons.Add($"weaker {ClassWord(other)} signal: {analysis.Describe(other)}");
                }
            }

            return TierOf(winner);
        }

        reasons.Add(analysis.Signals.Count == 0 ? "no content signal" : $"only weak signals: {string.Join(", ", analysis.Signals.Select(s => s.Name))}");

        // 3. Continuity: a follow-up with nothing of its own stays where the session's code work is.
        (int onCode, int considered) = CountRecentCodeTurns(request.History, historyTokens);
        if (considered > 0)
        {
            if (onCode >= Config.Continuity.MinCodeTurns)
            {
                reasons.Add(Invariant($"continuity: {onCode} of last {considered} on code"));
                return Tier.Code;
            }

            reasons.Add(Invariant($"no continuity: {onCode} of last {considered} on code within {Config.Continuity.MaxAgeMinutes} min"));
        }

        reasons.Add($"chat default {Config.Routes.Chat.Name()}");
        return Config.Routes.Chat;
    }

    private static string Images(int count) => count == 1 ? "1 image" : Invariant($"{count} images");

    /// <summary>The tier a chat's winning content signal sends it to, whatever the route table says.</summary>
    internal static Tier TierOf(SignalClass signal) => signal switch
    {
        SignalClass.Image => Tier.Vision,
        SignalClass.Reasoning => Tier.Reasoning,
        SignalClass.Code => Tier.Code,
        _ => Tier.Heavy,
    };

    private (int OnCode, int Considered) CountRecentCodeTurns(IReadOnlyList<HistoryTurn> history, int[] historyTokens)
    {
        // Most recent first: by age when every turn has one, else by position (history is oldest first).
        IEnumerable<int> recent = history.All(t => t.MinutesAgo is not null)
            ? Enumerable.Range(0, history.Count).OrderBy(i => history[i].MinutesAgo!.Value)
            : Enumerable.Range(0, history.Count).Reverse();
        int onCode = 0;
        int considered = 0;
        foreach (int index in recent.Take(Config.Continuity.Window))
        {
            HistoryTurn turn = history[index];
            considered++;
            bool recentEnough = (turn.MinutesAgo ?? 0) <= Config.Continuity.MaxAgeMinutes;
            if (recentEnough && WasOnCode(turn, historyTokens[index]))
            {
                onCode++;
            }
        }

        return (onCode, considered);
    }

    private static bool WasOnCode(HistoryTurn turn, int tokens)
    {
        if (turn.Tier is { } tier)
        {
            return tier == Tier.Code;
        }

        // No tier recorded: judge the turn as it would have been routed.
        if (turn.Kind == RequestKind.Completion)
        {
            return true;
        }

        ContentAnalysis analysis = ContentSignalDetector.Analyze(turn.Text, null, [], tokens);
        return analysis.Winner == SignalClass.Code;
    }

    private Tier FitContext(Tier tier, int promptTokens, int reserve, bool localOnly, double spent, List<string> reasons)
    {
        int needed = promptTokens + reserve;
        if (needed <= ContextOf(tier))
        {
            return tier;
        }

        IReadOnlyList<Tier> ladder = ContextLadder(Config);
        int position = IndexOf(ladder, tier);
        List<Tier> candidates = ladder
            .Where((t, i) => position >= 0 ? i > position : ContextOf(t) > ContextOf(tier))
            .Where(t => IsUsable(t, localOnly) && (t != Tier.Frontier || FrontierRefusal(promptTokens, localOnly, spent) is null))
            .ToList();
        string over = Invariant($"context: {promptTokens}+{reserve} tokens exceed {tier.Name()} ({ContextOf(tier)})");
        foreach (Tier candidate in candidates)
        {
            if (needed <= ContextOf(candidate))
            {
                reasons.Add($"{over}; moved to {candidate.Name()}{(localOnly && IsUsable(Tier.Frontier, localOnly: false) ? " (never frontier when private)" : "")}");
                return candidate;
            }
        }

        Tier largest = candidates.Count > 0 ? candidates.MaxBy(ContextOf) : tier;
        if (ContextOf(largest) < ContextOf(tier))
        {
            largest = tier;
        }

        string why = localOnly ? "every local tier" : "every allowed tier";
        reasons.Add(Invariant($"{over}; too large for {why}, {largest.Name()} ({ContextOf(largest)}) gets it trimmed"));
        return largest;
    }

    /// <summary>Where a prompt too large for its tier moves up: the escalation order, or the built-in one when there is none.</summary>
    internal static IReadOnlyList<Tier> ContextLadder(RouterConfig config) =>
        config.Escalation.Count > 0 ? config.Escalation : [Tier.Quick, Tier.Code, Tier.Heavy, Tier.Frontier];

    /// <summary>Where a request goes when its tier and that tier's fallbacks have no usable endpoint: the first usable here.</summary>
    internal static IReadOnlyList<Tier> LastResortTiers { get; } = [Tier.Heavy, Tier.Code, Tier.Quick, Tier.Reasoning, Tier.Vision];

    private Tier Resolve(Tier tier, int promptTokens, bool localOnly, double spent, List<string> reasons)
    {
        if (tier == Tier.Frontier && FrontierRefusal(promptTokens, localOnly, spent) is { } refusal)
        {
            reasons.Add($"no frontier ({refusal}): heavy");
            tier = Tier.Heavy;
        }

        if (IsUsable(tier, localOnly))
        {
            return tier;
        }

        Tier? replacement = FirstUsable(Config.FallbacksOf(tier), localOnly, [tier])
            ?? FirstUsable(LastResortTiers, localOnly, [tier]);
        if (replacement is not { } found)
        {
            throw new InvalidOperationException($"{Config.Source}: no tier has a usable {(localOnly ? "local " : "")}endpoint");
        }

        reasons.Add($"tier {tier.Name()} has no usable {(localOnly ? "local " : "")}endpoint: {found.Name()} instead");
        return found;
    }

    private Tier? FirstUsable(IEnumerable<Tier> tiers, bool localOnly, HashSet<Tier> visited)
    {
        foreach (Tier candidate in tiers)
        {
            if (!visited.Add(candidate) || (candidate == Tier.Frontier && localOnly))
            {
                continue;
            }

            if (IsUsable(candidate, localOnly))
            {
                return candidate;
            }

            if (FirstUsable(Config.FallbacksOf(candidate), localOnly, visited) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    private bool IsUsable(Tier tier, bool localOnly) => _usable[SlotOf(tier, localOnly)];

    private static int SlotOf(Tier tier, bool localOnly) => ((int)tier * 2) + (localOnly ? 1 : 0);

    /// <summary>Why frontier may not take this request, or null when it may.</summary>
    private string? FrontierRefusal(int promptTokens, bool localOnly, double spent)
    {
        if (localOnly)
        {
            return "private";
        }

        if (!Config.IsConfigured(Tier.Frontier))
        {
            return "not configured";
        }

        TierConfig frontier = Config.Tiers[Tier.Frontier];
        // The answer is priced at the tokens kept free for it: the most it may cost, not the least.
        double cost = CloudCost.Usd(frontier, promptTokens, Config.Budget.OutputReserveTokens);
        if (spent + cost > Config.Budget.DailyUsd)
        {
            return Invariant($"over budget: ${spent:0.00} spent today + about ${cost:0.00} for this request is past the ${Config.Budget.DailyUsd:0.00} a day");
        }

        return null;
    }

    private List<FallbackStep> BuildFallbackChain(Tier tier, EndpointConfig chosen, bool localOnly)
    {
        List<FallbackStep> chain = [];
        HashSet<(Tier, string)> seen = [(tier, chosen.Name)];
        Add(tier);
        foreach (Tier next in Config.FallbacksOf(tier))
        {
            if (!(localOnly && next == Tier.Frontier))
            {
                Add(next);
            }
        }

        // Route first, spend second: the free hosts of any tier before a subscription, a subscription before a metered API.
        return Config.OrdersByBilling
            ? [.. chain
                .Where(step => Config.Budget.FallbackBilling is not { } most || BillingOf(step.Endpoint) <= most)
                .OrderBy(step => BillingOf(step.Endpoint))]
            : chain;

        void Add(Tier t)
        {
            if (!Config.Tiers.TryGetValue(t, out TierConfig? config))
            {
                return;
            }

            foreach (EndpointConfig endpoint in Config.EndpointsOf(t, localOnly))
            {
                if (seen.Add((t, endpoint.Name)))
                {
                    chain.Add(new FallbackStep(t, config.Model, endpoint.Name));
                }
            }
        }
    }

    private List<Tier> BuildEscalationPath(Tier tier, bool localOnly, int promptTokens, double spent)
    {
        int position = IndexOf(Config.Escalation, tier);
        IEnumerable<Tier> above = position >= 0
            ? Config.Escalation.Skip(position + 1)
            : Config.Escalation.Where(t => ContextOf(t) >= ContextOf(tier) && t != Tier.Quick);
        List<Tier> path = above
            .Where(t => IsUsable(t, localOnly) && (t != Tier.Frontier || FrontierRefusal(promptTokens, localOnly, spent) is null))
            .ToList();
        if (!Config.OrdersByBilling)
        {
            return path;
        }

        // A tier with no endpoint the escalation may pay for is left out; the cheaper tiers are tried first.
        return
        [
            .. path
                .Where(t => Config.EscalationEndpointsOf(t, localOnly).Any())
                .OrderBy(t => Config.EscalationEndpointsOf(t, localOnly).Min(e => e.Billing)),
        ];
    }

    private Billing BillingOf(string endpoint) =>
        Config.Endpoints.TryGetValue(endpoint, out EndpointConfig? found) ? found.Billing : Billing.Metered;

    private int ContextOf(Tier tier) => Config.Tiers.TryGetValue(tier, out TierConfig? config) ? config.ContextTokens : 0;

    internal static int IndexOf(IReadOnlyList<Tier> tiers, Tier tier)
    {
        for (int i = 0; i < tiers.Count; i++)
        {
            if (tiers[i] == tier)
            {
                return i;
            }
        }

        return -1;
    }

    private static int CountLines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        int lines = 1;
        foreach (char c in text.AsSpan().TrimEnd('\n'))
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }

    private static string ClassWord(SignalClass signalClass) => signalClass switch
    {
        SignalClass.Image => "image",
        SignalClass.Reasoning => "reasoning",
        SignalClass.Code => "code",
        _ => "wide-scope",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

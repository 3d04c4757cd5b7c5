using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;

namespace Router.Core.Tests.Policy;

/// <summary>What a router.yaml sets but the router never uses, each a warning at the key and line the file wrote.</summary>
public sealed class UnusedConfigurationTests
{
    // Lines 1-8: one local host and the five local tiers, none restating a default.
    private const string Hosts = """
        endpoints:
          box: { provider: ollama, url: "http://127.0.0.1:11434" }
        tiers:
          quick: { model: q, endpoints: [box] }
          code: { model: c, endpoints: [box] }
          reasoning: { model: r, endpoints: [box] }
          heavy: { model: h, endpoints: [box] }
          vision: { model: v, endpoints: [box] }
        """;

    // A route table, fallbacks and escalation that never name quick (lines 9-15 after Hosts).
    private const string QuickNeverNamed = """
        routes:
          explain: code
          chat: code
        fallbacks:
          heavy: [code]
        escalation: [code, heavy]
        """;

    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "nothing unused", Hosts, [] },
        { "a tier no route, fallback or escalation reaches", Hosts + "\n" + QuickNeverNamed, ["tiers.quick:4"] },
        { "the fallback chain of a tier no request reaches", Hosts + "\n" + QuickNeverNamed.Replace("heavy: [code]", "heavy: [code]\n  quick: [code]", StringComparison.Ordinal), ["tiers.quick:4", "fallbacks.quick:14"] },
        { "a tier reached only as a fallback is used", Hosts + "\n" + QuickNeverNamed.Replace("heavy: [code]", "heavy: [quick]", StringComparison.Ordinal), [] },
        { "a tier reached only by escalation is used", Hosts + "\n" + QuickNeverNamed.Replace("[code, heavy]", "[vision, quick]", StringComparison.Ordinal), [] },
        {
            "a cloud frontier no route or escalation reaches",
            Hosts.Replace("tiers:", "  cloud: { provider: openai, apiKeyEnv: KEY }\ntiers:", StringComparison.Ordinal)
                + "\n  frontier: { model: f, endpoints: [cloud] }\nroutes:\n  refactorWide: heavy\nescalation: [quick, code, heavy]",
            ["tiers.frontier:10"]
        },
        { "an endpoint no tier lists", Hosts.Replace("tiers:", "  spare: { provider: ollama, url: \"http://127.0.0.1:11435\" }\ntiers:", StringComparison.Ordinal), ["endpoints.spare:3"] },
        { "a route set to the default", Hosts + "\nroutes:\n  completion: code\n  chat: heavy", ["routes.completion:10"] },
        { "a tier's context set to its default", Hosts.Replace("q, endpoints: [box]", "q, endpoints: [box], contextTokens: 8192", StringComparison.Ordinal), ["tiers.quick.contextTokens:4"] },
        { "a tier's context set to something else", Hosts.Replace("q, endpoints: [box]", "q, endpoints: [box], contextTokens: 4096", StringComparison.Ordinal), [] },
        { "a local tier priced at zero", Hosts.Replace("c, endpoints: [box]", "c, endpoints: [box], usdPerMillionInput: 0", StringComparison.Ordinal), ["tiers.code.usdPerMillionInput:5"] },
        { "an endpoint marked local that is local anyway", Hosts.Replace("11434\" }", "11434\", cloud: false }", StringComparison.Ordinal), ["endpoints.box.cloud:2"] },
        { "the budget at its default and the privacy mode at its default", Hosts + "\nbudget:\n  dailyUsd: 5\nprivacy:\n  mode: auto", ["budget.dailyUsd:10", "privacy.mode:12"] },
        { "a budget of its own", Hosts + "\nbudget:\n  dailyUsd: 2", [] },
        { "the default escalation order written out", Hosts + "\nescalation: [quick, code, heavy, frontier]", ["escalation:9"] },
        { "a fallback chain equal to the built-in one is not an override: the section replaces the defaults", Hosts + "\nfallbacks:\n  code: [quick]", [] },
        { "a tier's model equal to the built-in one is not an override", Hosts.Replace("model: q,", "model: \"qwen2.5:3b\",", StringComparison.Ordinal), [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_what_the_file_sets_but_nothing_uses(string name, string yaml, string[] expected)
    {
        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, "router.yaml", _ => "set");
        Assert.True(loaded.Succeeded, name + ": " + string.Join("; ", loaded.Errors));

        IReadOnlyList<ConfigDiagnostic> found = UnusedConfiguration.Find(loaded.Config!);

        Assert.Equal(expected, found.Select(d => $"{d.Key}:{d.Line}"));
        Assert.All(found, d => Assert.Equal(ConfigSeverity.Warning, d.Severity));
        Assert.All(found, d => Assert.Equal("router.yaml", d.File));
    }

    [Fact]
    public void The_warning_reads_like_the_loaders_own()
    {
        ConfigLoadResult loaded = RouterConfigLoader.Load(Hosts + "\nroutes:\n  completion: code", "router.yaml", _ => null);

        ConfigDiagnostic warning = Assert.Single(UnusedConfiguration.Find(loaded.Config!));

        Assert.Equal("router.yaml:10: warning: routes.completion: 'code' is what routes.completion is without this line (the default), so the line changes nothing", warning.ToString());
    }

    [Fact]
    public void The_built_in_default_reaches_every_tier()
    {
        Assert.Equal(Enum.GetValues<Tier>().ToHashSet(), ReachableTiers.Of(RouterConfig.Default).ToHashSet());
        Assert.Empty(UnusedConfiguration.Find(RouterConfig.Default));
    }

    [Fact]
    public void A_tier_found_unreached_is_one_the_policy_never_decides_on()
    {
        RouterConfig config = RouterConfigLoader.Load(Hosts + "\n" + QuickNeverNamed, "router.yaml", _ => null).Config!;
        RoutePolicy policy = new(config);
        RouteRequest[] requests =
        [
            Requests.Completion("def add(a, b):\n    return "),
            Requests.Explain("x = 1"),
            Requests.Explain(Requests.CodeOfTokens(12_000)),
            Requests.Refactor("x = 1"),
            Requests.Refactor(Requests.CodeOfTokens(7_000), "a.py", "b.py"),
            Requests.Chat("hi"),
            Requests.Chat("what does this mean?"),
            Requests.Chat("prove that the sum of two even numbers is even"),
            Requests.Chat("describe this screenshot.png"),
            Requests.Chat(Requests.CodeOfTokens(40_000)),
        ];

        Assert.DoesNotContain(Tier.Quick, ReachableTiers.Of(config));
        foreach (RouteRequest request in requests)
        {
            RouteDecision decision = policy.Decide(request);
            Assert.NotEqual(Tier.Quick, decision.Tier);
            Assert.DoesNotContain(decision.FallbackChain, step => step.Tier == Tier.Quick);
            Assert.DoesNotContain(Tier.Quick, decision.EscalationPath);
        }
    }
}

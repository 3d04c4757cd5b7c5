using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;
using static Router.Core.Tests.Policy.Requests;

namespace Router.Core.Tests.Policy;

/// <summary>"Route first, spend second": fallback and escalation prefer free, then subscription, then metered endpoints,
/// but only where router.yaml speaks of billing; otherwise the configured order stands.</summary>
public sealed class BillingOrderTests
{
    private const string Hosts = """
        endpoints:
          laptop: { provider: ollama, url: "http://127.0.0.1:11434" }
          gpu-box: { provider: ollama, url: "http://127.0.0.1:11435" }
          ollama-cloud: { provider: ollama, url: "https://ollama.com", apiKeyEnv: OLLAMA_API_KEY }
          claude: { provider: anthropic, apiKeyEnv: ANTHROPIC_API_KEY }
        tiers:
          quick: { model: "qwen2.5:3b", endpoints: [laptop], contextTokens: 8192 }
          code: { model: "qwen2.5-coder:14b", endpoints: [gpu-box], contextTokens: 16384 }
          heavy: { model: "gpt-oss:120b", endpoints: [ollama-cloud], contextTokens: 131072 }
          frontier: { model: "claude-sonnet-4-5", endpoints: [claude], contextTokens: 200000, usdPerMillionInput: 3, usdPerMillionOutput: 15 }
        fallbacks:
          code: [frontier, heavy, quick]
        escalation: [quick, code, heavy, frontier]

        """;

    private static RoutePolicy Policy(string budget) => new(ConfigYaml.LoadGood(Hosts + budget));

    private static IEnumerable<string> Fallbacks(RoutePolicy policy) =>
        policy.Decide(Completion("def area(r):\n    return ")).FallbackChain.Select(s => s.Endpoint);

    private static IEnumerable<Tier> Escalation(RoutePolicy policy) => policy.Decide(Explain("what does this loop print?")).EscalationPath;

    [Fact]
    public void Without_billing_in_router_yaml_the_configured_order_stands()
    {
        RoutePolicy policy = Policy("budget: { dailyUsd: 5 }");

        Assert.Equal(["claude", "ollama-cloud", "laptop"], Fallbacks(policy));
        Assert.Equal([Tier.Code, Tier.Heavy, Tier.Frontier], Escalation(policy));
    }

    [Fact]
    public void Scale_up_falls_back_to_free_then_subscription_then_metered()
    {
        Assert.Equal(["laptop", "ollama-cloud", "claude"], Fallbacks(Policy("budget: { preset: scale-up }")));
    }

    [Fact]
    public void Balanced_never_falls_back_or_escalates_to_a_metered_api()
    {
        RoutePolicy policy = Policy("budget: { preset: balanced }");

        Assert.Equal(["laptop", "ollama-cloud"], Fallbacks(policy));
        Assert.Equal([Tier.Code, Tier.Heavy], Escalation(policy));
    }

    [Fact]
    public void Lean_escalates_only_to_free_hosts_and_keeps_a_light_cloud_fallback()
    {
        RoutePolicy policy = Policy("budget: { preset: lean }");

        Assert.Equal([Tier.Code], Escalation(policy));
        Assert.Equal(["laptop", "ollama-cloud", "claude"], Fallbacks(policy));
    }

    [Fact]
    public void A_declared_billing_orders_the_fallbacks_without_a_preset()
    {
        string yaml = Hosts.Replace("claude: { provider: anthropic,", "claude: { provider: anthropic, billing: subscription,", StringComparison.Ordinal)
            .Replace("apiKeyEnv: OLLAMA_API_KEY }", "apiKeyEnv: OLLAMA_API_KEY, billing: metered }", StringComparison.Ordinal);

        Assert.Equal(["laptop", "claude", "ollama-cloud"], Fallbacks(new RoutePolicy(ConfigYaml.LoadGood(yaml + "budget: { dailyUsd: 5 }"))));
    }
}

using Router.Core.Requests;

namespace Router.Core.Configuration;

/// <summary>The configuration used when there is no router.yaml: the policy's default models on one local Ollama, no frontier.</summary>
internal static class DefaultRouterConfig
{
    public const string Source = "(built-in default)";

    public static RouterConfig Instance { get; } = Create();

    private static RouterConfig Create()
    {
        EndpointConfig local = new("local", ProviderKind.Ollama, new Uri("http://localhost:11434"), ApiKeyEnv: null, Cloud: false);
        string[] onLocal = [local.Name];
        Dictionary<Tier, TierConfig> tiers = new()
        {
            [Tier.Quick] = new(Tier.Quick, "qwen2.5:3b", onLocal, 8192, 0, 0),
            [Tier.Code] = new(Tier.Code, "qwen2.5-coder:14b", onLocal, 16384, 0, 0),
            [Tier.Reasoning] = new(Tier.Reasoning, "deepseek-r1:8b", onLocal, 16384, 0, 0),
            [Tier.Heavy] = new(Tier.Heavy, "qwen2.5-coder:32b", onLocal, 32768, 0, 0),
            [Tier.Vision] = new(Tier.Vision, "granite3.2-vision:2b", onLocal, 8192, 0, 0),
        };
        Dictionary<Tier, IReadOnlyList<Tier>> fallbacks = new()
        {
            [Tier.Code] = [Tier.Quick],
            [Tier.Reasoning] = [Tier.Quick],
            [Tier.Heavy] = [Tier.Code, Tier.Quick],
            [Tier.Frontier] = [Tier.Heavy],
            [Tier.Vision] = [Tier.Quick],
        };
        return new RouterConfig(
            Source,
            new Dictionary<string, EndpointConfig>(StringComparer.Ordinal) { [local.Name] = local },
            tiers,
            new RouteTable(Completion: Tier.Code, Explain: Tier.Quick, Refactor: Tier.Heavy, RefactorWide: Tier.Frontier, Chat: Tier.Quick),
            fallbacks,
            [Tier.Quick, Tier.Code, Tier.Heavy, Tier.Frontier],
            new ContinuityConfig(Window: 3, MinCodeTurns: 2, MaxAgeMinutes: 10),
            new PrivacyConfig(PrivacyMode.Auto,
                ["**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/id_rsa*", "**/id_ed25519*", "**/credentials*", "**/secrets.*"]),
            new BudgetConfig(DailyUsd: 5.00, OutputReserveTokens: 1024));
    }
}

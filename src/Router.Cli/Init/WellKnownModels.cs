using Router.Core.Requests;

namespace Router.Cli.Init;

/// <summary>The model `router init` suggests pulling for a tier that has no suitable one, with its size on ollama.com's library page.</summary>
internal static class WellKnownModels
{
    private static readonly Dictionary<Tier, HostModel> Suggested = new()
    {
        [Tier.Quick] = new("qwen2.5:3b", 1_900_000_000, "3.1B", ["completion", "tools"], 32768),
        [Tier.Code] = new("qwen2.5-coder:7b", 4_700_000_000, "7.6B", ["completion", "insert", "tools"], 32768),
        [Tier.Reasoning] = new("deepseek-r1:8b", 5_200_000_000, "8.2B", ["completion", "thinking"], 131072),
        [Tier.Heavy] = new("qwen2.5-coder:32b", 20_000_000_000, "32.8B", ["completion", "insert", "tools"], 32768),
        [Tier.Vision] = new("granite3.2-vision:2b", 2_400_000_000, "2.5B", ["completion", "vision"], 16384),
    };

    /// <summary>The model to pull for <paramref name="tier"/>; its <see cref="HostModel.SizeBytes"/> is the download size.</summary>
    public static HostModel For(Tier tier) => Suggested[tier];
}

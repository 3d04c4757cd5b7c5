using System.Diagnostics.CodeAnalysis;

namespace Router.Core.Requests;

/// <summary>The wire and configuration names of <see cref="Tier"/> values ("quick", "code", ...).</summary>
public static class TierNames
{
    /// <summary>Every tier, in the order the policy lists them.</summary>
    public static IReadOnlyList<Tier> All { get; } =
        [Tier.Quick, Tier.Code, Tier.Reasoning, Tier.Heavy, Tier.Frontier, Tier.Vision];

    public static string Name(this Tier tier) => tier switch
    {
        Tier.Quick => "quick",
        Tier.Code => "code",
        Tier.Reasoning => "reasoning",
        Tier.Heavy => "heavy",
        Tier.Frontier => "frontier",
        Tier.Vision => "vision",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "unknown tier"),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out Tier? tier)
    {
        tier = name?.Trim().ToUpperInvariant() switch
        {
            "QUICK" => Tier.Quick,
            "CODE" => Tier.Code,
            "REASONING" => Tier.Reasoning,
            "HEAVY" => Tier.Heavy,
            "FRONTIER" => Tier.Frontier,
            "VISION" => Tier.Vision,
            _ => null,
        };
        return tier is not null;
    }

    /// <summary>"quick, code, reasoning, heavy, frontier, vision" for error messages.</summary>
    public static string Listing { get; } = string.Join(", ", All.Select(t => t.Name()));
}

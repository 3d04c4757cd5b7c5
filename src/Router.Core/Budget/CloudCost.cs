using Router.Core.Configuration;

namespace Router.Core.Budget;

/// <summary>What a request costs on a priced tier, in US dollars, from its token counts and the tier's prices per million tokens.</summary>
public static class CloudCost
{
    private const double TokensPerPrice = 1_000_000;

    /// <summary>The cost of <paramref name="promptTokens"/> in and <paramref name="outputTokens"/> out on <paramref name="tier"/>;
    /// zero on a tier without prices (a local one).</summary>
    public static double Usd(TierConfig tier, long promptTokens, long outputTokens)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return Usd(promptTokens, outputTokens, tier.UsdPerMillionInput, tier.UsdPerMillionOutput);
    }

    /// <summary>The cost of <paramref name="promptTokens"/> in and <paramref name="outputTokens"/> out at the given prices per million tokens.</summary>
    public static double Usd(long promptTokens, long outputTokens, double usdPerMillionInput, double usdPerMillionOutput)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(usdPerMillionInput);
        ArgumentOutOfRangeException.ThrowIfNegative(usdPerMillionOutput);
        return ((promptTokens * usdPerMillionInput) + (outputTokens * usdPerMillionOutput)) / TokensPerPrice;
    }
}

namespace Router.Core.Usage.Reporting;

/// <summary>The nearest-rank percentile: the smallest value with at least p% of the values at or below it. It is always one
/// of the measured values, never an interpolation between two.</summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>th percentile of <paramref name="sorted"/> (ascending); null when it is empty.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0)
        {
            return null;
        }

        int rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

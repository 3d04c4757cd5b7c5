namespace Router.Cli.Benchmarking;

/// <summary>A metric over the repetitions of a run: the median, the lowest and highest value, and how many there were.</summary>
internal sealed record MetricSpread(double Median, double Low, double High, int Samples)
{
    /// <summary>The spread of <paramref name="values"/>; null when there are none.</summary>
    public static MetricSpread? Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new MetricSpread(median, sorted[0], sorted[^1], sorted.Length);
    }
}

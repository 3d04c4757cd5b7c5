namespace Router.Core.Placement;

/// <summary>Predicts a cold load from the model's size and the host's load throughput.</summary>
public static class LoadTimePredictor
{
    /// <summary>Throughput assumed before a host has shown one load: 2 GB/s, a model read from NVMe into a GPU (the
    /// 30B-class loads of 8–12 s that Ollama users report for about 18–20 GB of weights).</summary>
    public const double DefaultBytesPerSecond = 2e9;

    /// <summary>Loads shorter than this are a model already in memory (Ollama reports a few milliseconds), not a load.</summary>
    public static readonly TimeSpan ShortestRealLoad = TimeSpan.FromMilliseconds(100);

    public static TimeSpan Predict(long modelBytes, double? bytesPerSecond = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(modelBytes);
        double rate = bytesPerSecond is > 0 and var r ? r : DefaultBytesPerSecond;
        return TimeSpan.FromSeconds(modelBytes / rate);
    }
}

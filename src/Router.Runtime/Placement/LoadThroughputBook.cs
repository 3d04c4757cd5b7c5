using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Core.Placement;

namespace Router.Runtime.Placement;

/// <summary>Each host's measured load throughput (bytes a second, from the load_duration of its earlier cold loads in this
/// process), the cold-load predictions made from it, and how far off each one was.</summary>
public sealed partial class LoadThroughputBook(ILogger? logger = null)
{
    /// <summary>Loads remembered per host; the throughput is over these, so a changed disk or driver shows within a few loads.</summary>
    public const int RememberedLoads = 8;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly ConcurrentDictionary<string, Queue<(long Bytes, TimeSpan Duration)>> _loads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Endpoint, string Model), TimeSpan> _pending = new();
    private readonly ConcurrentQueue<ColdStartObservation> _observations = new();

    /// <summary>Bytes a second the host loaded at, over its last loads; null before its first.</summary>
    public double? BytesPerSecond(string endpoint)
    {
        if (!_loads.TryGetValue(endpoint, out Queue<(long Bytes, TimeSpan Duration)>? loads))
        {
            return null;
        }

        lock (loads)
        {
            double seconds = loads.Sum(l => l.Duration.TotalSeconds);
            return loads.Count == 0 || seconds <= 0 ? null : loads.Sum(l => (double)l.Bytes) / seconds;
        }
    }

    /// <summary>How long loading <paramref name="modelBytes"/> on the host should take: its measured throughput, else
    /// <see cref="LoadTimePredictor.DefaultBytesPerSecond"/>.</summary>
    public TimeSpan Predict(string endpoint, long modelBytes) => LoadTimePredictor.Predict(modelBytes, BytesPerSecond(endpoint));

    /// <summary>Remembers a prediction told to the user, to compare with the load the host reports.</summary>
    public void NotePrediction(string endpoint, string model, TimeSpan predicted) => _pending[(endpoint, model)] = predicted;

    /// <summary>Takes in an answer's load_duration: a real load (longer than <see cref="LoadTimePredictor.ShortestRealLoad"/>)
    /// of a model of known size adds to the host's throughput, and settles the prediction made for it, if any.</summary>
    public void NoteLoad(string endpoint, string model, long? modelBytes, TimeSpan loadDuration)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(model);
        bool realLoad = loadDuration >= LoadTimePredictor.ShortestRealLoad;
        if (_pending.TryRemove((endpoint, model), out TimeSpan predicted) && realLoad)
        {
            ColdStartObservation observation = new(endpoint, model, predicted, loadDuration);
            _observations.Enqueue(observation);
            while (_observations.Count > 256 && _observations.TryDequeue(out _))
            {
            }

            LogPredictionError(_logger, model, endpoint, predicted.TotalSeconds, loadDuration.TotalSeconds, observation.Error.TotalSeconds);
        }

        if (!realLoad || modelBytes is not > 0)
        {
            return;
        }

        Queue<(long Bytes, TimeSpan Duration)> loads = _loads.GetOrAdd(endpoint, _ => new Queue<(long, TimeSpan)>());
        lock (loads)
        {
            loads.Enqueue((modelBytes.Value, loadDuration));
            while (loads.Count > RememberedLoads)
            {
                loads.Dequeue();
            }
        }
    }

    /// <summary>Every settled prediction so far in this process (the latest 256), oldest first.</summary>
    public IReadOnlyList<ColdStartObservation> Observations => [.. _observations];

    [LoggerMessage(Level = LogLevel.Debug, Message = "cold load of {Model} on {Endpoint}: predicted {Predicted:0.0} s, took {Actual:0.0} s (error {Error:+0.0;-0.0} s)")]
    private static partial void LogPredictionError(ILogger logger, string model, string endpoint, double predicted, double actual, double error);
}

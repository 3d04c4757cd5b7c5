namespace Router.Runtime.Placement;

/// <summary>A cold load predicted before the wait, and what the host then reported (Ollama's <c>load_duration</c>).</summary>
public sealed record ColdStartObservation(string Endpoint, string Model, TimeSpan Predicted, TimeSpan Actual)
{
    /// <summary>Prediction minus what happened: positive when the load was shorter than said.</summary>
    public TimeSpan Error => Predicted - Actual;
}

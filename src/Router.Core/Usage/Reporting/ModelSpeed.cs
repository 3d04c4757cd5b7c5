namespace Router.Core.Usage.Reporting;

/// <summary>A model's speed as its own requests in the ledger measured it: prompt tokens read per second before the first
/// token, and output tokens written per second after it (medians over its requests).</summary>
/// <param name="Samples">Requests the speeds were measured on.</param>
public sealed record ModelSpeed(string Model, int Samples, double PromptTokensPerSecond, double OutputTokensPerSecond);

namespace Router.Core.Usage.Reporting;

/// <summary>How often a model had to be loaded before it could answer, and the time those loads took.</summary>
public sealed record ColdLoadCount(string Model, int Loads, double TotalSeconds, double LongestSeconds);

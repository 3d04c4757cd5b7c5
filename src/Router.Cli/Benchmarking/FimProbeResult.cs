namespace Router.Cli.Benchmarking;

/// <summary>A route's score on the bundled infill tasks: the share of first lines that match exactly, their mean edit
/// similarity (both 0–1), and how many tasks were asked and how many got no answer.</summary>
internal sealed record FimProbeResult(int Tasks, int Failed, double ExactMatch, double EditSimilarity);

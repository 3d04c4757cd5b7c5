using Router.Core.Requests;

namespace Router.Cli.Init;

/// <summary>An `ollama pull` that would give tiers a suitable model; the download size when the tool knows it.</summary>
internal sealed record PullSuggestion(string Model, long? DownloadBytes, IReadOnlyList<Tier> Tiers)
{
    public string Command => $"ollama pull {Model}";
}

namespace Router.Cli.Init;

/// <summary>What one Ollama host answered to `router init`'s probe.</summary>
/// <param name="Name">The endpoint name the written router.yaml gives it.</param>
/// <param name="Error">Why it could not be read, when it could not; then <paramref name="Models"/> is empty.</param>
internal sealed record HostSurvey(string Name, Uri Url, string? Version, IReadOnlyList<HostModel> Models, IReadOnlyList<string> Loaded, string? Error)
{
    public bool Reachable => Error is null;
}

namespace Router.Core.Privacy;

/// <summary>Why a request is private. Never holds the secret itself, so it is safe to log.</summary>
/// <param name="Detector">Stable detector id, e.g. "aws-access-key", "private-path".</param>
/// <param name="Field">Where it was found: "text", "prefix", "suffix", "history", "file".</param>
public sealed record PrivacyFinding(string Detector, string Field, string Description);

namespace Router.Cli.Evaluation;

/// <summary>A case not decided right on both tier and privacy. It never holds the case's text: a private case's text holds secrets.</summary>
/// <param name="Problems">"tier", "leak", "false-private" or "not routed".</param>
/// <param name="Tier">Null when the case could not be routed; <paramref name="Error"/> says why.</param>
internal sealed record EvalMiss(
    string Id,
    string Category,
    string Lang,
    string File,
    int Line,
    IReadOnlyList<string> ExpectedTiers,
    bool ExpectedLocalOnly,
    string? Tier,
    bool? LocalOnly,
    IReadOnlyList<string> Reasons,
    string? Error,
    IReadOnlyList<string> Problems);

namespace Router.Cli.Doctor;

/// <summary>One endpoint as `router doctor` found it.</summary>
/// <param name="Address">The URL without any user info, or "(provider default)".</param>
/// <param name="Status">"reachable", "unreachable" or "not probed" (a cloud or Anthropic endpoint).</param>
/// <param name="KeyVariable">The environment variable its key comes from (its value is never shown).</param>
/// <param name="KeySet">Whether that variable holds a value; null when the endpoint needs no key.</param>
/// <param name="FillInTheMiddle">The fill-in-the-middle mode the endpoint takes ("infill", "template", ...); null when it has none (Anthropic).</param>
/// <param name="FillInTheMiddleFoundBy">How that mode was found: router.yaml, what the server said of itself, or the default.</param>
internal sealed record EndpointFinding(
    string Name,
    string Provider,
    string Address,
    bool Cloud,
    string Status,
    string? Error,
    string? Version,
    IReadOnlyList<string>? Models,
    IReadOnlyList<LoadedModelFinding>? Loaded,
    string? KeyVariable,
    bool? KeySet,
    string? FillInTheMiddle = null,
    string? FillInTheMiddleFoundBy = null);

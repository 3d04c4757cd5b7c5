namespace Router.Cli.Doctor;

/// <summary>A tier's model on one of its endpoints; a null field is unknown.</summary>
/// <param name="Model">"present", "missing", "unknown" (host down), or "not checked" (a cloud endpoint).</param>
/// <param name="FillInTheMiddle">The fill-in-the-middle mode for this model there ("native", "template", "none", ...); null when unknown.</param>
internal sealed record TierHostFinding(
    string Endpoint,
    string Model,
    bool? Loaded,
    bool? SupportsInsert,
    bool? SupportsVision,
    int? ContextTokens,
    bool Usable,
    string? FillInTheMiddle = null);

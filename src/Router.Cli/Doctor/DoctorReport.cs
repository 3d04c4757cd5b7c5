namespace Router.Cli.Doctor;

/// <summary>Everything `router doctor` found: each endpoint, each tier on each of its endpoints, the problems and a summary.</summary>
/// <param name="Usable">Every configured tier has at least one usable host (the exit code is 0).</param>
internal sealed record DoctorReport(
    string Config,
    IReadOnlyList<EndpointFinding> Endpoints,
    IReadOnlyList<TierFinding> Tiers,
    IReadOnlyList<DoctorProblem> Problems,
    string Summary,
    bool Usable);

namespace Router.Cli.Doctor;

/// <summary>Something `router doctor` found wrong, with the command that fixes it when there is one.</summary>
/// <param name="Severity">"error" (a tier has no usable host because of it) or "warning".</param>
internal sealed record DoctorProblem(string Severity, string? Tier, string? Endpoint, string Message, string? Fix);

namespace Router.Cli.Doctor;

/// <summary>The parsed arguments of `router doctor`.</summary>
/// <param name="Timeout">How long one host may take to answer its probe.</param>
internal sealed record DoctorInvocation(string? ConfigPath, bool Json, TimeSpan Timeout);

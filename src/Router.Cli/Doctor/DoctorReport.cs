using Router.Core.Redaction;

namespace Router.Cli.Doctor;

/// <summary>Everything `router doctor` found: each endpoint, each tier on each of its endpoints, the problems, what the
/// configuration sets but nothing uses, and a summary.</summary>
/// <param name="Unused">Warnings only: they never change the exit code.</param>
/// <param name="Usable">Every configured tier has at least one usable host (the exit code is 0).</param>
internal sealed record DoctorReport(
    string Config,
    IReadOnlyList<EndpointFinding> Endpoints,
    IReadOnlyList<TierFinding> Tiers,
    IReadOnlyList<DoctorProblem> Problems,
    IReadOnlyList<UnusedSettingFinding> Unused,
    string Summary,
    bool Usable)
{
    /// <summary>The report as it may be shown: every text a host or a configuration put in it redacted (a host's error can
    /// quote its URL with a password, or a key).</summary>
    public DoctorReport Redacted(OutwardRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        return this with
        {
            Config = redactor.Redact(Config),
            Endpoints = [.. Endpoints.Select(e => e with { Address = redactor.Redact(e.Address), Error = redactor.RedactOptional(e.Error) })],
            Problems = [.. Problems.Select(p => p with { Message = redactor.Redact(p.Message), Fix = redactor.RedactOptional(p.Fix) })],
            Unused = [.. Unused.Select(u => u with { File = redactor.Redact(u.File), Message = redactor.Redact(u.Message) })],
            Summary = redactor.Redact(Summary),
        };
    }
}

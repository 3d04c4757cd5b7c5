using Router.Core.Requests;

namespace Router.Core.Usage;

/// <summary>
/// One request as the usage ledger stores it: counts, timings, outcome and cost, never prompt or answer text.
/// </summary>
/// <param name="RequestId">Unique per request across processes (a GUID string); later outcome updates name it.</param>
/// <param name="Language">The editor's language id of the document (e.g. <c>python</c>), or empty for chat without one.</param>
/// <param name="TokensEstimated">True when the counts are the router's estimate, false when the backend reported them.</param>
/// <param name="ColdLoad">Ollama's <c>load_duration</c> when the model had to be loaded, else null.</param>
/// <param name="AcceptedCharacters">For an accepted completion, how many characters the user took.</param>
/// <param name="Reasons">The decision's reasons in short form, e.g. <c>code-signal; continuity</c>; no user text.</param>
public sealed record UsageRecord(
    string RequestId,
    DateTimeOffset At,
    RequestKind Kind,
    Tier Tier,
    string Model,
    string Endpoint,
    bool IsCloud,
    string Language,
    int InputTokens,
    int OutputTokens,
    bool TokensEstimated,
    TimeSpan? TimeToFirstToken,
    TimeSpan? Latency,
    TimeSpan? ColdLoad,
    UsageOutcome Outcome,
    bool FellBack,
    bool Escalated,
    int? AcceptedCharacters,
    decimal CostUsd,
    string Reasons)
{
    /// <summary>The gateway key the request came in with (its name, never the key), or null for the editor and the CLI.</summary>
    public string? Key { get; init; }

    /// <summary>Who sent it, as the ledger may show it to a team: a hashed user id unless the team opted in to names; null
    /// for a personal ledger.</summary>
    public string? User { get; init; }
}

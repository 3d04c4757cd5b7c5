using Router.Core.Usage;

namespace Router.Runtime.Usage.Postgres;

/// <summary>One write kept in the local spool while PostgreSQL is unreachable: a request row, or a later outcome of one.</summary>
internal sealed record SpooledWrite(UsageRecord? Record, string? RequestId, UsageOutcome Outcome, int? AcceptedCharacters);

using Router.Core.Usage;

namespace Router.Runtime.Usage;

/// <summary>One item of the writer's queue: a new record, a later outcome, or a flush marker completed once all before it are stored.</summary>
internal sealed record LedgerWrite(
    UsageRecord? Record = null,
    string? RequestId = null,
    UsageOutcome Outcome = UsageOutcome.Answered,
    int? AcceptedCharacters = null,
    TaskCompletionSource? Flushed = null);

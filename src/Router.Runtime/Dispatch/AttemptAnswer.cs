using Router.Backends.Providers;

namespace Router.Runtime.Dispatch;

/// <summary>The complete answer of one successful attempt.</summary>
/// <param name="FirstTextAt">Elapsed since the dispatch started when its first text arrived; null for an empty answer.</param>
internal sealed record AttemptAnswer(DispatchCandidate Candidate, string Text, string? DoneReason, ModelUsage? Usage, TimeSpan? FirstTextAt, TimeSpan EndedAt);

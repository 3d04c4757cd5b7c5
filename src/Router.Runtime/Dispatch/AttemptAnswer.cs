using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Runtime.Dispatch;

/// <summary>The complete answer of one successful attempt.</summary>
/// <param name="FirstTextAt">Elapsed since the dispatch started when its first text arrived; null for an empty answer.</param>
internal sealed record AttemptAnswer(DispatchCandidate Candidate, string Text, string? DoneReason, ModelUsage? Usage, TimeSpan? FirstTextAt, TimeSpan EndedAt)
{
    /// <summary>The tools the model asked to call; an answer with any is whole even without text.</summary>
    public IReadOnlyList<FunctionCallContent> ToolCalls { get; init; } = [];
}

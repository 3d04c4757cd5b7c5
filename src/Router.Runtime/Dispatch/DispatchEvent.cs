using Microsoft.Extensions.AI;
using Router.Core.Requests;

namespace Router.Runtime.Dispatch;

/// <summary>One step of a dispatch as it happens; every event names the attempt it belongs to.</summary>
/// <param name="Attempt">The attempt's number in <see cref="DispatchResult.Attempts"/> (1-based).</param>
/// <param name="Text">For <see cref="DispatchEventKind.Text"/> the piece of the answer; otherwise a line for the user.</param>
public sealed record DispatchEvent(DispatchEventKind Kind, int Attempt, Tier Tier, string Model, string Endpoint, string Text)
{
    /// <summary>For <see cref="DispatchEventKind.ToolCalls"/>: the calls, in the model's order.</summary>
    public IReadOnlyList<FunctionCallContent> ToolCalls { get; init; } = [];
}

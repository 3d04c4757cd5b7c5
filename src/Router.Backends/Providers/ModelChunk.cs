using Microsoft.Extensions.AI;

namespace Router.Backends.Providers;

/// <summary>A piece of a streamed answer. The final chunk has Done set and, when the server reports it, Usage; it also
/// carries the tools the model asked to call, all of them at once.</summary>
public sealed record ModelChunk(string Text, bool Done, ModelUsage? Usage = null, string? DoneReason = null)
{
    /// <summary>The model's tool calls (final chunk only); empty for a text answer.</summary>
    public IReadOnlyList<FunctionCallContent> ToolCalls { get; init; } = [];
}

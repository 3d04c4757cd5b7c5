using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>What a reply says after its text: why the answer ended ("stop", "length"; the router's words) and its tokens
/// when the host reported them.</summary>
public sealed record AnswerTail(string? FinishReason, long? InputTokens, long? OutputTokens)
{
    /// <summary>The tools the model asked the client to call, in order; empty for a text answer.</summary>
    public IReadOnlyList<FunctionCallContent> ToolCalls { get; init; } = [];

    /// <summary>"length" stays "length"; anything else the host said (or nothing) is a normal stop.</summary>
    public bool CutByLength => FinishReason == "length";
}

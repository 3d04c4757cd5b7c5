using Microsoft.Extensions.AI;

namespace Router.Backends.Providers;

/// <summary>One chat message; Role is "system", "user", "assistant" or "tool" (a tool's result).</summary>
public sealed record ChatTurn(string Role, string Content)
{
    /// <summary>What the message holds besides its text: images (<see cref="DataContent"/>), the assistant's tool calls
    /// (<see cref="FunctionCallContent"/>) and tool results (<see cref="FunctionResultContent"/>), passed to the host as they are.</summary>
    public IReadOnlyList<AIContent> Parts { get; init; } = [];
}

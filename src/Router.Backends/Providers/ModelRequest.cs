using Microsoft.Extensions.AI;

namespace Router.Backends.Providers;

/// <summary>A provider-neutral generation request: a prompt (with optional FIM suffix) or chat messages.</summary>
public sealed record ModelRequest(string Model)
{
    public string? Prompt { get; init; }

    /// <summary>Text after the cursor for fill-in-the-middle; null for plain generation.</summary>
    public string? Suffix { get; init; }

    /// <summary>Other open files quoted at the start of <see cref="Prompt"/>; null when none are.</summary>
    public QuotedFiles? OtherFiles { get; init; }

    public IReadOnlyList<ChatTurn>? Messages { get; init; }

    /// <summary>The tools the model may call (chat); null or empty for none.</summary>
    public IReadOnlyList<AITool>? Tools { get; init; }

    /// <summary>Whether and which tool the model must call; null leaves it to the model.</summary>
    public ChatToolMode? ToolMode { get; init; }

    /// <summary>False for one tool call at a time; null leaves it to the model.</summary>
    public bool? AllowMultipleToolCalls { get; init; }

    /// <summary>True when the prompt already carries the model's own template (e.g. FIM tokens).</summary>
    public bool Raw { get; init; }

    public GenerationOptions Options { get; init; } = new();

    /// <summary>Ollama's keep_alive ("5m", "-1", "0"); null leaves the server default.</summary>
    public string? KeepAlive { get; init; }
}

using Router.Lsp.Completion;

namespace Router.Lsp;

/// <summary>Settings of the language server; validated when the server is created.</summary>
public sealed record LspServerOptions
{
    /// <summary>Token budget of the text before the cursor.</summary>
    public int PrefixTokenBudget { get; init; } = 1536;

    /// <summary>Token budget of the text after the cursor.</summary>
    public int SuffixTokenBudget { get; init; } = 512;

    /// <summary>Most tokens the model may generate for one completion.</summary>
    public int MaxOutputTokens { get; init; } = 128;

    public double Temperature { get; init; } = 0.2;

    /// <summary>Ollama keep_alive for the code model; null leaves the server default.</summary>
    public string? KeepAlive { get; init; }

    /// <summary>Name and version reported in <c>initialize</c>'s serverInfo.</summary>
    public string ServerName { get; init; } = "router-lsp";

    public string ServerVersion { get; init; } = "0.1.0";

    /// <summary>Called once per completion request with what happened; must be quick and thread-safe.</summary>
    public Action<CompletionTrace>? CompletionObserver { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PrefixTokenBudget);
        ArgumentOutOfRangeException.ThrowIfNegative(SuffixTokenBudget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxOutputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(Temperature);
    }
}

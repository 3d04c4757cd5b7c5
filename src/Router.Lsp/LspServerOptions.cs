using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Backends.FillInTheMiddle;
using Router.Lsp.Completion;
using Router.Runtime.Usage;

namespace Router.Lsp;

/// <summary>Settings of the language server; validated when the server is created.</summary>
public sealed record LspServerOptions
{
    /// <summary>Where the providers keep each endpoint's fill-in-the-middle mode; the server says in the editor's log which
    /// mode each model ended up with, and warns when one can only continue the prefix.</summary>
    public FillInTheMiddleModeBook FillInTheMiddleModes { get; init; } = FillInTheMiddleModeBook.Shared;

    /// <summary>Token budget of the text before the cursor.</summary>
    public int PrefixTokenBudget { get; init; } = 1536;

    /// <summary>Token budget of the text after the cursor.</summary>
    public int SuffixTokenBudget { get; init; } = 512;

    /// <summary>Token budget of the other open files of the same language quoted before the prefix; 0 turns it off.</summary>
    public int RelatedFilesTokenBudget { get; init; } = 512;

    /// <summary>Most tokens the model may generate for one completion.</summary>
    public int MaxOutputTokens { get; init; } = 128;

    public double Temperature { get; init; } = 0.2;

    /// <summary>Ollama keep_alive for the code model; null leaves the server default.</summary>
    public string? KeepAlive { get; init; }

    /// <summary>Loads the code tier's model on its host when the editor opens its first document (<see cref="Completion.CodeModelWarmUp"/>);
    /// off by default so a server in a test sends its hosts only what the test asks, on in <c>router lsp</c>.</summary>
    public bool WarmUpCodeModel { get; init; }

    /// <summary>Shortest wait before a typed-into completion reaches the model (see <see cref="Completion.AdaptiveDebounce"/>).</summary>
    public TimeSpan DebounceMinimum { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest wait, so a slow typist never waits on the debounce more than this.</summary>
    public TimeSpan DebounceMaximum { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Completions remembered for the same place or for typing ahead into a suggestion.</summary>
    public int CompletionCacheSize { get; init; } = Completion.CompletionCache.DefaultCapacity;

    /// <summary>The clock for debounce and ages; tests move it by hand.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Name and version reported in <c>initialize</c>'s serverInfo.</summary>
    public string ServerName { get; init; } = "router-lsp";

    public string ServerVersion { get; init; } = "0.1.0";

    /// <summary>Where each request's counts, timings and outcome are booked (completions, and their accepts), and what the usage
    /// report and the status bar's figures for today read; null books nothing.</summary>
    public IUsageLedger? UsageLedger { get; init; }

    /// <summary>Called once per completion request with what happened; must be quick and thread-safe.</summary>
    public Action<CompletionTrace>? CompletionObserver { get; init; }

    /// <summary>Where the server logs messages it could not process and notifications that failed (also told to the client
    /// as <c>window/logMessage</c>); nowhere by default.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PrefixTokenBudget);
        ArgumentOutOfRangeException.ThrowIfNegative(SuffixTokenBudget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxOutputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(Temperature);
        ArgumentOutOfRangeException.ThrowIfNegative(DebounceMinimum.Ticks, nameof(DebounceMinimum));
        ArgumentOutOfRangeException.ThrowIfLessThan(DebounceMaximum, DebounceMinimum);
        ArgumentOutOfRangeException.ThrowIfNegative(CompletionCacheSize);
        ArgumentOutOfRangeException.ThrowIfNegative(RelatedFilesTokenBudget);
        ArgumentNullException.ThrowIfNull(Logger);
    }
}

using Microsoft.Extensions.Logging;
using Router.Lsp.Completion;
using Router.Runtime.Configuration;

namespace Router.Cli.Logging;

// Every call that builds its arguments is behind IsEnabled for its level, a guard the analyzer does not follow.
#pragma warning disable CA1873

/// <summary>What <c>router lsp</c> writes to the log about its own start, configuration and completions.</summary>
internal static partial class LspCommandLog
{
    /// <summary>A configuration read: taken, or refused (said once for the same refusal).</summary>
    public static void Reload(ILogger log, ConfigReload reload)
    {
        if (reload.Applied)
        {
            ConfigApplied(log, reload.Source);
        }
        else if (!reload.Repeat && log.IsEnabled(LogLevel.Warning))
        {
            ConfigRefused(log, reload.Source, string.Join("; ", reload.Diagnostics));
        }
    }

    /// <summary>One completion: its route, outcome and sizes; of the document only its file name, never its text.</summary>
    public static void Completion(ILogger log, CompletionTrace trace)
    {
        if (log.IsEnabled(LogLevel.Debug))
        {
            Completion(
                log, trace.Method, Path.GetFileName(trace.DocumentUri), trace.Outcome.ToString().ToLowerInvariant(), trace.Tier, trace.Model, trace.Endpoint,
                (long)trace.Latency.TotalMilliseconds, trace.PrefixTokens, trace.SuffixTokens, trace.CompletionLength, trace.Error is { } error ? $"; {error}" : "");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "version {Version} started (pid {ProcessId}); configuration: {Config}; log files in {LogDirectory}")]
    public static partial void Started(ILogger log, string version, int processId, string config, string logDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    public static partial void ConfigProblem(ILogger log, string diagnostic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "starting with the built-in default configuration; fix the file and save it to apply.")]
    public static partial void StartingOnDefault(ILogger log);

    [LoggerMessage(Level = LogLevel.Information, Message = "configuration {Source} applied")]
    private static partial void ConfigApplied(ILogger log, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "configuration {Source} refused, the last good one stays: {Diagnostics}")]
    private static partial void ConfigRefused(ILogger log, string source, string diagnostics);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} in {File}: {Outcome}, {Tier} {Model} on {Endpoint}, {LatencyMs} ms, {PrefixTokens}+{SuffixTokens} tokens in, {Characters} characters shown{Error}")]
    private static partial void Completion(
        ILogger log, string method, string file, string outcome, string tier, string model, string endpoint, long latencyMs, int prefixTokens, int suffixTokens, int characters, string error);
}

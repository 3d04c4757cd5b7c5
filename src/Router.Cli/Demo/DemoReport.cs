using System.Collections.Concurrent;
using System.Globalization;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;

namespace Router.Cli.Demo;

/// <summary>Collects what the server reported during the session and prints it as one table.</summary>
internal sealed class DemoReport
{
    private readonly ConcurrentQueue<DemoStepTrace> _traces = new();
    private readonly ConcurrentQueue<string> _logs = new();
    private volatile string _step = "";

    public string Step
    {
        get => _step;
        set => _step = value;
    }

    public IReadOnlyCollection<string> Logs => _logs;

    public void Add(CompletionTraceParams trace) => _traces.Enqueue(new DemoStepTrace(_step, trace));

    public void AddLog(LogMessageParams message) => _logs.Enqueue($"[{message.Type.ToString().ToLowerInvariant()}] {message.Message}");

    public int Count(string outcome) => _traces.Count(t => t.Trace.Outcome == outcome);

    /// <summary>Completed and failed requests one per row; requests cancelled as the user typed on, one row per step.</summary>
    public string Table()
    {
        TextTable table = new("step", "request", "outcome", "tier", "model@host", "latency", "first token", "tokens in/out");
        foreach (IGrouping<string, DemoStepTrace> step in _traces.GroupBy(t => t.Step))
        {
            int cancelled = step.Count(t => t.Trace.Outcome == "cancelled");
            if (cancelled > 0)
            {
                CompletionTraceParams first = step.First(t => t.Trace.Outcome == "cancelled").Trace;
                // Most never reached a model: the debounce held them until the next keystroke superseded them.
                table.Add(step.Key, $"{Short(first.Method)} x{cancelled}", "cancelled", Or(first.Tier), Host(first),
                    "-", "-", "superseded by the next keystroke");
            }

            foreach (CompletionTraceParams trace in step.Select(t => t.Trace).Where(t => t.Outcome != "cancelled"))
            {
                table.Add(
                    step.Key,
                    Short(trace.Method),
                    trace.Outcome,
                    Or(trace.Tier),
                    Host(trace),
                    Ms(trace.LatencyMs),
                    trace.TimeToFirstChunkMs is { } first ? Ms(first) : "-",
                    trace.PromptTokens is { } prompt ? $"{prompt}/{trace.OutputTokens ?? 0}" : $"~{trace.PrefixTokens + trace.SuffixTokens}/-");
            }
        }

        return table.ToString();
    }

    private static string Short(string method) => method switch
    {
        LspMethods.InlineCompletion => "inline",
        LspMethods.Completion => "completion",
        _ => method,
    };

    private static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms");

    private static string Or(string value) => value.Length == 0 ? "-" : value;

    private static string Host(CompletionTraceParams trace) => trace.Model.Length == 0 ? "-" : $"{trace.Model}@{trace.Endpoint}";
}

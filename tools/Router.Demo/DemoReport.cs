using System.Collections.Concurrent;
using System.Globalization;
using Router.Cli.Terminal;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;

namespace Router.Demo;

/// <summary>Collects what the server reported during the session and prints it as one table.</summary>
internal sealed class DemoReport : IDisposable
{
    private readonly ConcurrentQueue<DemoStepTrace> _traces = new();
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly SemaphoreSlim _answered = new(0);
    private volatile string _step = "";

    public string Step
    {
        get => _step;
        set => _step = value;
    }

    public IReadOnlyCollection<string> Logs => _logs;

    public void Add(CompletionTraceParams trace)
    {
        _traces.Enqueue(new DemoStepTrace(_step, trace));
        if (trace.Outcome != "cancelled")
        {
            _answered.Release();
        }
    }

    /// <summary>Waits (a few seconds at most) for the trace of the answer just received: the server sends it before the
    /// answer, but the client handles notifications apart from responses, so it may come in after the step has moved on.</summary>
    public async Task WaitForAnswerTraceAsync(CancellationToken cancellationToken) =>
        await _answered.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);

    public void AddLog(LogMessageParams message) => _logs.Enqueue($"[{message.Type.ToString().ToLowerInvariant()}] {message.Message}");

    public int Count(string outcome) => _traces.Count(t => t.Trace.Outcome == outcome);

    /// <summary>Completions cancelled while they waited in the debounce: no model was chosen, none was asked.</summary>
    public int CancelledBeforeAModel => _traces.Count(t => t.Trace.Outcome == "cancelled" && t.Trace.Model.Length == 0);

    /// <summary>Completed and failed requests one per row; requests cancelled as the user typed on, one row per step.</summary>
    public string Table()
    {
        TextTable table = new("step", "request", "outcome", "tier", "model@host", "latency", "first token", "tokens in/out");
        foreach (IGrouping<string, DemoStepTrace> step in _traces.GroupBy(t => t.Step))
        {
            int waiting = step.Count(t => t.Trace.Outcome == "cancelled" && t.Trace.Model.Length == 0);
            if (waiting > 0)
            {
                // The debounce held them until the next keystroke cancelled them: no model was asked.
                CompletionTraceParams first = step.First(t => t.Trace.Outcome == "cancelled").Trace;
                table.Add(step.Key, $"{Short(first.Method)} x{waiting}", "cancelled", "-", "-", "-", "-", "in the debounce, never sent");
            }

            foreach (IGrouping<string, CompletionTraceParams> atModel in step.Select(t => t.Trace)
                .Where(t => t.Outcome == "cancelled" && t.Model.Length > 0).GroupBy(Host))
            {
                CompletionTraceParams first = atModel.First();
                table.Add(step.Key, $"{Short(first.Method)} x{atModel.Count()}", "cancelled", Or(first.Tier), atModel.Key,
                    "-", "-", "passed the debounce, then cancelled");
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

    public void Dispose() => _answered.Dispose();

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

using System.Text.Json;

namespace Router.Emulator;

/// <summary>Every request the emulator was asked, with a change signal so tests wait on conditions instead of sleeping.</summary>
internal sealed class RequestLog(TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly List<RequestLogEntry> entries = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long nextId;

    public RequestLogEntry Start(string endpoint, DateTimeOffset now)
    {
        lock (gate)
        {
            var entry = new RequestLogEntry(++nextId, endpoint, now);
            entries.Add(entry);
            SignalLocked();
            return entry;
        }
    }

    public void Describe(RequestLogEntry entry, string? model, string? prompt, string? suffix, bool stream)
    {
        lock (gate)
        {
            entry.Model = model;
            entry.Prompt = prompt;
            entry.Suffix = suffix;
            entry.Stream = stream;
            SignalLocked();
        }
    }

    /// <summary>Records how many tools and images reached the host.</summary>
    public void DescribeContent(RequestLogEntry entry, int tools, int images)
    {
        lock (gate)
        {
            entry.Tools = tools;
            entry.Images = images;
            SignalLocked();
        }
    }

    /// <summary>Records the options that decide how a model is loaded: keep_alive and num_ctx.</summary>
    public void DescribeLoad(RequestLogEntry entry, JsonElement? keepAlive, int? numCtx)
    {
        lock (gate)
        {
            entry.KeepAlive = keepAlive is { ValueKind: JsonValueKind.String } text ? text.GetString() : keepAlive?.GetRawText();
            entry.NumCtx = numCtx;
            SignalLocked();
        }
    }

    /// <summary>Records that this request loaded its model cold, and the load time it reported.</summary>
    public void NoteColdLoad(RequestLogEntry entry, TimeSpan load)
    {
        lock (gate)
        {
            entry.ColdLoad = load;
            SignalLocked();
        }
    }

    public void CountChunk(RequestLogEntry entry)
    {
        lock (gate)
        {
            entry.Chunks++;
            SignalLocked();
        }
    }

    /// <summary>Sets the outcome once; later calls (e.g. a cleanup path) do not overwrite it.</summary>
    public void Finish(RequestLogEntry entry, EmulatorRequestOutcome outcome)
    {
        lock (gate)
        {
            if (entry.Outcome == EmulatorRequestOutcome.InProgress)
            {
                entry.Outcome = outcome;
                entry.FinishedAt = clock.GetUtcNow();
                SignalLocked();
            }
        }
    }

    public IReadOnlyList<EmulatorRequestRecord> Snapshot()
    {
        lock (gate)
        {
            return entries.Select(e => e.ToRecord()).ToList();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            SignalLocked();
        }
    }

    /// <summary>Waits until a record matches, re-checking on every change.</summary>
    public async Task<EmulatorRequestRecord> WaitForAsync(Func<EmulatorRequestRecord, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (gate)
            {
                var match = entries.Select(e => e.ToRecord()).FirstOrDefault(predicate);
                if (match is not null)
                {
                    return match;
                }

                signal = changed.Task;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }

    private void SignalLocked()
    {
        var previous = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}

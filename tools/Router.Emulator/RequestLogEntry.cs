namespace Router.Emulator;

/// <summary>A request being answered; fields change only under the log's lock.</summary>
internal sealed class RequestLogEntry(long id, string endpoint, DateTimeOffset startedAt)
{
    public long Id { get; } = id;
    public string Endpoint { get; } = endpoint;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public string? Model { get; set; }
    public string? Prompt { get; set; }
    public string? Suffix { get; set; }
    public bool Stream { get; set; }
    public string? KeepAlive { get; set; }
    public int? NumCtx { get; set; }
    public TimeSpan? ColdLoad { get; set; }
    public int Tools { get; set; }
    public int Images { get; set; }
    public EmulatorRequestOutcome Outcome { get; set; } = EmulatorRequestOutcome.InProgress;
    public int Chunks { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public EmulatorRequestRecord ToRecord() => new()
    {
        Id = Id,
        Endpoint = Endpoint,
        Model = Model,
        Prompt = Prompt,
        Suffix = Suffix,
        Stream = Stream,
        KeepAlive = KeepAlive,
        NumCtx = NumCtx,
        ColdLoad = ColdLoad,
        Tools = Tools,
        Images = Images,
        Outcome = Outcome,
        Chunks = Chunks,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
    };
}

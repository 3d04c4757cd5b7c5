namespace Router.Emulator;

/// <summary>What the emulator was asked and how the answer ended; a snapshot.</summary>
public sealed record EmulatorRequestRecord
{
    public required long Id { get; init; }

    /// <summary>The path, e.g. "/api/generate".</summary>
    public required string Endpoint { get; init; }

    public string? Model { get; init; }

    /// <summary>The prompt, or for chat the last user message.</summary>
    public string? Prompt { get; init; }

    public string? Suffix { get; init; }
    public bool Stream { get; init; }

    /// <summary>The request's keep_alive as sent (a number or a duration); null when it named none.</summary>
    public string? KeepAlive { get; init; }

    /// <summary>The request's options.num_ctx; null when it named none.</summary>
    public int? NumCtx { get; init; }

    /// <summary>The load this request did because its model was not in memory (what it reported as load_duration); null when
    /// the model was loaded already, or was being loaded for another request that this one waited for.</summary>
    public TimeSpan? ColdLoad { get; init; }

    /// <summary>How many tools the request offered the model.</summary>
    public int Tools { get; init; }

    /// <summary>How many images the request's messages held.</summary>
    public int Images { get; init; }

    public required EmulatorRequestOutcome Outcome { get; init; }

    /// <summary>NDJSON lines written, the final done line included.</summary>
    public int Chunks { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the outcome was set: the answer was written, or the emulator saw the client go away; null while in progress.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}

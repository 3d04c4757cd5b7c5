namespace Router.Emulator;

/// <summary>Failures the emulator injects, for every model or for one.</summary>
public sealed record EmulatorFaultSet
{
    /// <summary>Connections are aborted before any response, as when the host's process is gone.</summary>
    public bool HostDown { get; init; }

    /// <summary>Connections are accepted and never answered, not even with headers, until the client goes away: a stalled host.
    /// For every model it holds every request (model lists too); for one model, its generation requests.</summary>
    public bool Hang { get; init; }

    /// <summary>Generation requests are answered with this status and <see cref="ErrorBody"/> verbatim, as a proxy or gateway
    /// in front of a host answers with a body of its own shape (<c>{"error":"internal error"}</c>, an nginx HTML page).</summary>
    public int? ErrorStatus { get; init; }

    /// <summary>The body sent with <see cref="ErrorStatus"/> (default: empty).</summary>
    public string? ErrorBody { get; init; }

    /// <summary>The content type sent with <see cref="ErrorStatus"/> (default: application/json).</summary>
    public string? ErrorContentType { get; init; }

    /// <summary>Answers HTTP 500 with Ollama's error body.</summary>
    public bool ServerError { get; init; }

    /// <summary>Answers HTTP 404 "model 'x' not found", as Ollama does for a model it has not pulled.</summary>
    public bool ModelNotFound { get; init; }

    /// <summary>Ends the stream after this many chunks without the done:true line (a non-streaming answer: half its body).</summary>
    public int? CutAfterChunks { get; init; }

    /// <summary>Stops sending after this many chunks and holds the stream open until the client goes away.</summary>
    public int? StallAfterChunks { get; init; }

    /// <summary>Answers exactly this text instead of the generated one ("" gives an empty answer), on every API shape;
    /// lets a test produce a weak answer (empty, a refusal, code that does not parse) for the router's answer checks.</summary>
    public string? Reply { get; init; }

    public static EmulatorFaultSet None { get; } = new();
}

namespace Router.Emulator;

/// <summary>How an emulated request ended.</summary>
public enum EmulatorRequestOutcome
{
    /// <summary>Still being answered.</summary>
    InProgress,

    /// <summary>The answer was sent to the end (done:true, or a complete non-streaming body).</summary>
    Completed,

    /// <summary>The client closed the connection before the answer was complete.</summary>
    ClientClosed,

    /// <summary>An error status was answered (400, 404, 500).</summary>
    Failed,

    /// <summary>A fault switch broke the answer: connection aborted (host down) or stream cut.</summary>
    Aborted,
}

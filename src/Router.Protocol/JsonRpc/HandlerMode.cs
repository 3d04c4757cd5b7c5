namespace Router.Protocol.JsonRpc;

/// <summary>How a handler is ordered against other messages (as in Roslyn's CLaSP queue).</summary>
public enum HandlerMode
{
    /// <summary>Started in arrival order, then runs concurrently with later read-only messages.</summary>
    ReadOnly,

    /// <summary>Runs alone, in arrival order, and completes before any later message starts.</summary>
    Mutating,
}

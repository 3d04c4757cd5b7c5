namespace Router.Core.Usage;

/// <summary>How one request ended, as the usage ledger books it.</summary>
public enum UsageOutcome
{
    /// <summary>A model answered and the answer went back to the client (chat, explain, refactor).</summary>
    Answered,

    /// <summary>An inline completion reached the editor; it may later become accepted or dismissed.</summary>
    Shown,

    /// <summary>The user accepted a shown completion (the editor reported it).</summary>
    Accepted,

    /// <summary>A shown completion was superseded by a newer one, or not accepted within the time limit.</summary>
    Dismissed,

    /// <summary>The client cancelled before an answer (including cancels inside the debounce, if booked).</summary>
    Cancelled,

    /// <summary>No endpoint could answer.</summary>
    Failed,
}

namespace Router.Lsp.Completion;

/// <summary>How one completion request ended.</summary>
public enum CompletionOutcome
{
    /// <summary>The model answered and something was shown.</summary>
    Completed,

    /// <summary>The model answered but nothing was left after post-processing (or the document was unknown).</summary>
    Empty,

    /// <summary>The client cancelled it or a newer completion for the same document superseded it.</summary>
    Cancelled,

    /// <summary>The backend failed; the client got an empty result.</summary>
    Failed,

    /// <summary>Served from the completion cache (the same place again, or typed ahead into the suggestion); no model was asked.</summary>
    Cached,
}

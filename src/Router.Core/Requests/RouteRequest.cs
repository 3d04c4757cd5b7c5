namespace Router.Core.Requests;

/// <summary>One editor request as the policy sees it; only <see cref="Id"/> and <see cref="Kind"/> are required.</summary>
public sealed record RouteRequest(string Id, RequestKind Kind)
{
    public string? Language { get; init; }

    /// <summary>Path of the document the request is about.</summary>
    public string? File { get; init; }

    /// <summary>The prompt (chat) or the selected code (explain, refactor).</summary>
    public string? Text { get; init; }

    /// <summary>Code before the cursor (completion).</summary>
    public string? Prefix { get; init; }

    /// <summary>Code after the cursor (completion).</summary>
    public string? Suffix { get; init; }

    /// <summary>Other file paths in scope of the request.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Earlier turns of the session, oldest first.</summary>
    public IReadOnlyList<HistoryTurn> History { get; init; } = [];

    /// <summary>A tier the client named (the gateway's <c>router/code</c>); applied after routing, within privacy and budget,
    /// as a named model is. Null routes by content.</summary>
    public Tier? RequestedTier { get; init; }

    /// <summary>A model the client named (the gateway's pass-through names); applied after routing, within privacy and budget,
    /// ahead of the editor's per-kind model settings. Null or blank leaves the routed model.</summary>
    public string? RequestedModel { get; init; }

    /// <summary>Images attached to the request (chat). The privacy scan cannot read them: they stay local unless
    /// <see cref="Configuration.PrivacyConfig.ImagesToCloud"/> allows otherwise, and a chat with one goes to the vision tier.</summary>
    public int ImageCount { get; init; }

    /// <summary>Tool definitions, tool calls and tool results sent along with a chat: text the model gets, so the privacy scan
    /// and the token estimate cover it, but no content signal or continuity reads it (a tool's JSON is not the user's code).</summary>
    public string? ToolText { get; init; }
}

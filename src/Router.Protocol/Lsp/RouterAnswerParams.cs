namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>router/answer</c>: the markdown of an explain or chat answer so far, sent as it streams.
/// <see cref="Done"/> marks the last one; when a host fails mid-answer the markdown restarts from the new host's text.</summary>
public sealed record RouterAnswerParams(
    string Id,
    string Title,
    string Kind,
    string Markdown,
    bool Done,
    string? Tier = null,
    string? Model = null,
    string? Endpoint = null);

namespace Router.Lsp.Contracts;

/// <summary>Parameters of <c>router/answer</c>: one chunk of an explain or chat answer to append, sent as it streams.
/// <see cref="Done"/> marks the last one. <see cref="Reset"/> says to drop what was shown so far first: the host failed
/// mid-answer and another one starts again, or a weak answer is asked again one tier up.</summary>
public sealed record RouterAnswerParams(
    string Id,
    string Title,
    string Kind,
    string Markdown,
    bool Done,
    string? Tier = null,
    string? Model = null,
    string? Endpoint = null,
    bool? Reset = null);

using Router.Core.Requests;

namespace Router.Quality;

/// <summary>An answer to judge, with what was asked: the request's kind and language, the prompt or selection, and why the stream ended.</summary>
/// <param name="Task">The prompt or selected code the answer responds to.</param>
/// <param name="DoneReason">The server's finish reason ("stop", "length", …); null when it gave none.</param>
public sealed record AnswerCheck(RequestKind Kind, string? Language, string Task, string Answer, string? DoneReason);

namespace Router.Lsp.Completion;

/// <summary>When a document last asked for a completion and the usual gap between its requests while typing.</summary>
internal sealed record TypingRhythm(DateTimeOffset LastRequest, TimeSpan? AverageGap);

namespace Router.Lsp.Refactor;

/// <summary>One file of a multi-file refactor answer: the path the model named, its fence's language tag and the file's
/// complete new content.</summary>
/// <param name="Closed">False when the answer ended inside the block (cut off): the content is incomplete.</param>
internal sealed record FileSection(string Path, string? Tag, string Content, bool Closed);

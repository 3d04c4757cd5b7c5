namespace Router.Backends.Providers;

/// <summary>Other open files quoted as comments at the start of a fill-in-the-middle prompt (<see cref="Text"/>), and the same
/// files as they are, for a server that takes them apart from the prefix (llama.cpp's <c>input_extra</c>).</summary>
public sealed record QuotedFiles(string Text, IReadOnlyList<ContextFile> Files);

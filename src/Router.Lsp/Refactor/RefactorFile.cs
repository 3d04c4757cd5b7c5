using Router.Lsp.Documents;

namespace Router.Lsp.Refactor;

/// <summary>An open document sent with a multi-file refactor, as it was when sent (its version makes a stale edit fail).</summary>
/// <param name="Path">Its path relative to the workspace, with '/' separators, as the model sees and names it.</param>
/// <param name="LocalPath">Its full path on disk, for the privacy scan of paths.</param>
internal sealed record RefactorFile(string Path, string LocalPath, TextDocument Document);

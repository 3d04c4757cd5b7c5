namespace Router.Lsp.Refactor;

/// <summary>The files a multi-file refactor works on: the selection's document, the other open documents it sends, and the
/// new files the instruction names; every path relative to <see cref="Root"/>, outside which nothing is edited.</summary>
/// <param name="Root">The workspace folder, or the selection's folder when the editor named no workspace.</param>
/// <param name="NewFiles">Files the instruction names that exist nowhere yet (e.g. "move this to Utils.cs").</param>
/// <param name="Left">Files referencing the selection that did not fit in the budget, for the message to the user.</param>
internal sealed record RefactorScope(
    string Root, RefactorFile Current, IReadOnlyList<RefactorFile> Others, IReadOnlyList<string> NewFiles, IReadOnlyList<string> Left)
{
    public IEnumerable<RefactorFile> Sent => Others.Prepend(Current);

    /// <summary>The full path of a workspace-relative path, or null when it leads outside the workspace.</summary>
    public string? Resolve(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        string root = Path.GetFullPath(Root);
        string full = Path.GetFullPath(Path.IsPathRooted(relative) ? relative : Path.Combine(root, relative));
        string prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>A full path as the model sees it: relative to the workspace, '/' separators.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
}

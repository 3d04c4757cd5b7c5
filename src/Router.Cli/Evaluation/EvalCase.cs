namespace Router.Cli.Evaluation;

/// <summary>One labelled case: the request line as written (routed as `route --batch` would route it) and what it should get.</summary>
/// <param name="Lang">The natural language of the case ("de"); "en" when the line names none.</param>
/// <param name="ExpectedTiers">Every tier that counts as right.</param>
/// <param name="ExpectedLocalOnly">True for a private case: it must be decided localOnly and never frontier.</param>
/// <param name="Line">The JSON line itself; it may hold secrets, so nothing prints it.</param>
/// <param name="File">The file the case was read from, and its 1-based line number there.</param>
internal sealed record EvalCase(
    string Id,
    string Category,
    string Lang,
    IReadOnlyList<string> ExpectedTiers,
    bool ExpectedLocalOnly,
    string Line,
    string File,
    int LineNumber);

namespace Router.Quality;

/// <summary>The first syntax problem found in a piece of code: a parse error, or a bracket, quote or comment that is
/// never closed or closes nothing.</summary>
/// <param name="Description">What is wrong, naming its line ("'(' opened at line 3 is never closed").</param>
/// <param name="Line">The line, counted from 1, that the description names.</param>
internal sealed record SyntaxProblem(string Description, int Line);

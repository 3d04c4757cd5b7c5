namespace Router.Quality;

/// <summary>Code found in an answer: a fenced block, or the whole answer when it is bare code.</summary>
/// <param name="Tag">The fence's language tag, or null when it has none or the code was not fenced.</param>
/// <param name="FirstLine">The answer's line, counted from 1, where the code starts.</param>
internal sealed record CodeBlock(string? Tag, string Code, int FirstLine);

namespace Router.Quality;

/// <summary>The delimiters of a comment that may span lines, such as <c>/*</c> and <c>*/</c>.</summary>
internal sealed record BlockComment(string Open, string Close);

namespace Router.Core.Tokens;

/// <summary>The character classes cl100k's split pattern distinguishes.</summary>
internal enum CharClass : byte
{
    /// <summary>Neither letter, number nor whitespace: punctuation, symbols, emoji.</summary>
    Other,

    /// <summary><c>\p{L}</c>.</summary>
    Letter,

    /// <summary><c>\p{N}</c>.</summary>
    Number,

    /// <summary>Whitespace other than a line break.</summary>
    Space,

    /// <summary><c>\r</c> or <c>\n</c>.</summary>
    LineBreak,
}

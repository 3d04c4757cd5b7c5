namespace Router.Core.Signals.Languages;

/// <summary>Where in a text a cue stem is tried.</summary>
internal enum StemPlace
{
    /// <summary>At the start of a word.</summary>
    WordStart,

    /// <summary>At every Chinese or Japanese character or Hangul syllable.</summary>
    Anywhere,

    /// <summary>At every letter, inside words too (parts of compounds).</summary>
    Infix,
}

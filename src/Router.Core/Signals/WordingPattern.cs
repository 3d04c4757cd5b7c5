using System.Text.RegularExpressions;

namespace Router.Core.Signals;

/// <summary>A case-insensitive wording regex with the words its matches begin with, so that it is tried only where one
/// of them begins a word (see <see cref="WordingScanner"/>) instead of at every position of the text.</summary>
/// <remarks>Every branch of <see cref="Pattern"/> must begin with <c>\b</c> and one of <see cref="StartWords"/>, and
/// every match must hold a word beginning with one of <see cref="RequiredWords"/> when those are given. Both are
/// prefixes of words, in ASCII letters and digits: "migrat" stands for "migrate", "migration"…</remarks>
internal sealed class WordingPattern
{
    /// <param name="pattern">The plain pattern (kept so tests can compare against it).</param>
    /// <param name="anchored">The pattern as <c>\G(?:pattern)</c>, case-insensitive: tried at a position it matches exactly
    /// what the plain pattern matches starting there, since <c>\b</c> and lookbehinds still see the text before it.</param>
    /// <param name="startWords">The words (or word prefixes) every match begins with.</param>
    /// <param name="requiredWords">Optional: words (or word prefixes) one of which every match holds, for patterns whose
    /// start words are common ("the", "in", "how"): without one of them in the text the pattern is not tried at all.</param>
    public WordingPattern(string pattern, Regex anchored, string[] startWords, string[]? requiredWords = null)
    {
        ArgumentNullException.ThrowIfNull(anchored);
        ArgumentNullException.ThrowIfNull(startWords);
        if ((anchored.Options & RegexOptions.IgnoreCase) == 0)
        {
            throw new ArgumentException("Wording patterns ignore case.", nameof(anchored));
        }

        Pattern = pattern;
        Anchored = anchored;
        StartWords = startWords;
        RequiredWords = requiredWords;
        StartsWithDigit = startWords.Any(word => char.IsAsciiDigit(word[0]));
    }

    /// <summary>The plain pattern.</summary>
    public string Pattern { get; }

    /// <summary>The pattern anchored with <c>\G</c>.</summary>
    public Regex Anchored { get; }

    public IReadOnlyList<string> StartWords { get; }

    public IReadOnlyList<string>? RequiredWords { get; }

    /// <summary>Whether a match may begin with a digit; <c>\d</c> also matches digits outside ASCII, which no start word finds.</summary>
    public bool StartsWithDigit { get; }
}

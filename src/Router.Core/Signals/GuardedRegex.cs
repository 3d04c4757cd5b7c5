using System.Buffers;
using System.Text.RegularExpressions;

namespace Router.Core.Signals;

/// <summary>A case-insensitive wording regex with the words every one of its matches contains: text holding none of
/// them is turned away by one vectorised search, so the regex scans only text it might match. Answers exactly as the
/// regex alone would.</summary>
internal sealed class GuardedRegex
{
    // Characters the regex engine's case-insensitive comparison folds onto ASCII letters (Kelvin sign, long s, dotted and
    // dotless i) where an ordinal ignore-case search may not; text holding one of them always goes to the regex.
    private static readonly SearchValues<char> FoldsOntoAscii = SearchValues.Create("\u212A\u017F\u0130\u0131");

    private readonly SearchValues<string> _required;

    /// <param name="requiredWords">Every match of <paramref name="regex"/> contains one of these, compared ignoring case.</param>
    public GuardedRegex(Regex regex, params string[] requiredWords)
    {
        Regex = regex;
        _required = SearchValues.Create(requiredWords, StringComparison.OrdinalIgnoreCase);
    }

    public Regex Regex { get; }

    /// <summary>False when the text cannot match; true when it might (the regex then decides).</summary>
    public bool MayMatch(ReadOnlySpan<char> text) => text.ContainsAny(_required) || text.ContainsAny(FoldsOntoAscii);

    public bool IsMatch(string text) => MayMatch(text) && Regex.IsMatch(text);
}

using System.Globalization;
using Router.Core.Requests;

namespace Router.Quality;

/// <summary>Recognises an answer far shorter than its task needs, scaled by the task's size and kind: five words about
/// a forty-line selection is weak, "Hello!" in reply to "hi" is not.</summary>
internal static class ShortAnswerCheck
{
    // Below this many lines an explanation may be a single phrase ("Increments the counter.").
    private const int ExplainFreeLines = 4;

    // Explanations need about a word for every two lines of selection, up to this many.
    private const int ExplainMostWordsNeeded = 40;

    // A refactor of a selection this small may legitimately shrink it to almost nothing.
    private const int RefactorFreeCharacters = 200;

    // A refactor that keeps less than an eighth of the selection's code has dropped most of it.
    private const int RefactorShrinkLimit = 8;

    // A chat message of this many lines (pasted code or a log) deserves more than a word or two.
    private const int ChatLongTaskLines = 20;

    private const int ChatWordsNeeded = 3;

    // A minified or one-line task counts one line per this many characters.
    private const int CharactersPerLine = 80;

    /// <summary>Why the answer is too short for its task, or null.</summary>
    public static string? Find(AnswerCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        int taskLines = Math.Max(CountLines(check.Task), CountVisible(check.Task) / CharactersPerLine);
        switch (check.Kind)
        {
            case RequestKind.Explain when taskLines >= ExplainFreeLines:
            {
                int needed = Math.Min(ExplainMostWordsNeeded, 3 + (taskLines / 2));
                int words = CountWords(check.Answer);
                return words < needed
                    ? Text($"far shorter than the task needs: {words} words to explain {taskLines} lines (at least {needed} expected)")
                    : null;
            }

            case RequestKind.Refactor:
            {
                int taskCharacters = CountVisible(check.Task);
                int answerCharacters = CountVisible(check.Answer);
                return taskCharacters >= RefactorFreeCharacters && answerCharacters * RefactorShrinkLimit < taskCharacters
                    ? Text($"far shorter than the task needs: {answerCharacters} characters for a {taskCharacters}-character selection")
                    : null;
            }

            case RequestKind.Chat when taskLines >= ChatLongTaskLines:
            {
                int words = CountWords(check.Answer);
                return words < ChatWordsNeeded
                    ? Text($"far shorter than the task needs: {words} words in reply to {taskLines} lines")
                    : null;
            }

            default:
                return null;
        }
    }

    private static int CountLines(string text)
    {
        int lines = 0;
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            if (!line.IsWhiteSpace())
            {
                lines++;
            }
        }

        return lines;
    }

    private static int CountVisible(string text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    private static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool wordChar = char.IsLetterOrDigit(c);
            // Chinese, Japanese and Korean are written without spaces: each character counts as a word.
            if (wordChar && (!inWord || IsCjk(c)))
            {
                words++;
            }

            inWord = wordChar;
        }

        return words;
    }

    private static bool IsCjk(char c) => c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF');

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

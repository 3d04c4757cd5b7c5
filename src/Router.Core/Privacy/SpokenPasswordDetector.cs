namespace Router.Core.Privacy;

/// <summary>A password given in words: "my password is hunter2", "the password was Tr0ub4dor&amp;3".</summary>
internal sealed class SpokenPasswordDetector : ITextDetector
{
    private const int MaxPassword = 64;

    public IReadOnlyList<string> Anchors { get; } = ["password is ", "Password is ", "password was "];

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, int at, string anchor, in TextScanContext context)
    {
        ReadOnlySpan<char> rest = text[(at + anchor.Length)..];
        int end = rest.IndexOfAny(" \t\r\n");
        ReadOnlySpan<char> word = (end < 0 ? rest : rest[..end]).Trim("\"'`").TrimEnd(".,;:!?)\"'`");
        if (word.Length is < 6 or > MaxPassword || ValueShape.IsPlaceholder(word))
        {
            return null;
        }

        // "is required", "is incorrect" are words; a password mixes in digits or symbols.
        bool hasLetter = word.ContainsAnyInRange('a', 'z') || word.ContainsAnyInRange('A', 'Z');
        bool hasOther = word.ContainsAnyExceptInRange('A', 'z') || word.ContainsAnyInRange('[', '`');
        return hasLetter && hasOther ? new PrivacyFinding("password-in-prose", context.Field, $"password written out in {context.Field}") : null;
    }
}

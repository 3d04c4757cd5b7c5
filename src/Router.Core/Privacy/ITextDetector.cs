namespace Router.Core.Privacy;

/// <summary>One family of secrets, confirmed at the places where one of its anchors occurs.</summary>
internal interface ITextDetector
{
    /// <summary>Literal strings, matched case-sensitively, that every match of this detector contains; the scanner finds them in one pass.</summary>
    IReadOnlyList<string> Anchors { get; }

    /// <summary>A finding when a real secret sits at the anchor that starts at <paramref name="at"/>, otherwise null.</summary>
    PrivacyFinding? Inspect(ReadOnlySpan<char> text, int at, string anchor, in TextScanContext context);
}

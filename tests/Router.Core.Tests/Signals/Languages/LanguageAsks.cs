using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Reads an ask as a chat prompt and checks where its content sends it, and that the reasons name its language.</summary>
internal static class LanguageAsks
{
    public static ContentAnalysis Analyze(string ask) => ContentSignalDetector.Analyze(ask, null, [], textTokens: ask.Length / 4);

    /// <summary>The ask wins <paramref name="expected"/>, and a signal of that class names <paramref name="language"/>.</summary>
    public static void Reaches(string ask, SignalClass expected, string language)
    {
        ContentAnalysis analysis = Analyze(ask);

        Assert.True(expected == analysis.Winner, $"{ask}\nexpected {expected}, got {analysis.Winner?.ToString() ?? "none"}: {Describe(analysis)}");
        Assert.Contains($"({language})", analysis.Describe(expected), StringComparison.Ordinal);
    }

    /// <summary>No class reaches the threshold: the ask stays on the chat default (quick).</summary>
    public static void StaysQuick(string ask)
    {
        ContentAnalysis analysis = Analyze(ask);

        Assert.True(analysis.Winner is null, $"{ask}\nexpected no winner, got {analysis.Winner}: {Describe(analysis)}");
    }

    private static string Describe(ContentAnalysis analysis) =>
        string.Join(", ", analysis.Signals.Select(s => $"{s.Name} ({s.Class} {s.Weight})"));
}

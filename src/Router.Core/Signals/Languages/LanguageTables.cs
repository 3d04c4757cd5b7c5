namespace Router.Core.Signals.Languages;

/// <summary>The languages whose asks are recognised besides English (which the English patterns read).</summary>
internal static class LanguageTables
{
    public static IReadOnlyList<LanguageCues> All { get; } =
    [
        ChineseCues.Cues, SpanishCues.Cues, PortugueseCues.Cues, RussianCues.Cues, GermanCues.Cues, FrenchCues.Cues,
        JapaneseCues.Cues, KoreanCues.Cues, ItalianCues.Cues, PolishCues.Cues, TurkishCues.Cues,
    ];
}

namespace Router.Core.Signals.Languages;

/// <summary>The writing systems a folded text holds, beyond Latin letters.</summary>
[Flags]
internal enum Scripts
{
    None = 0,
    Han = 1,
    Kana = 2,
    Hangul = 4,
    Cyrillic = 8,
}

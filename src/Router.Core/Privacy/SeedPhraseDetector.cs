namespace Router.Core.Privacy;

/// <summary>A wallet's recovery (seed) phrase: twelve or more short lower-case words after a word that names one, in
/// the languages users write in ("seed phrase", "frase semilla", "сид-фраза", "助记词", "복구 구문").</summary>
/// <remarks>BIP-39 words are 3 to 8 letters; a run of twelve such words with nothing between them but single spaces
/// is rare in prose, and the cue before it is required all the same.</remarks>
internal static class SeedPhraseDetector
{
    private const int MinWords = 12;
    private const int Window = 160;

    private static readonly CueFinder Cues = new(
        [
            "seed phrase", "recovery phrase", "mnemonic", "seed words", "wallet seed", "frase semilla", "frase de recuperación",
            "frase de recuperacion", "frase de recuperação", "frase semente", "palavras-semente", "phrase de récupération",
            "phrase secrète", "wiederherstellungsphrase", "seed-phrase", "frase di recupero", "fraza odzyskiwania",
            "kurtarma ifadesi", "сид-фраза", "сид фраза", "мнемоническ", "секретная фраза", "助记词", "助記詞", "シードフレーズ",
            "リカバリーフレーズ", "復元フレーズ", "복구 구문", "시드 구문", "니모닉", "복구 문구",
        ],
        ["seed", "phrase", "mnemonic", "frase", "semente", "fraza", "ifadesi"]);

    /// <summary>The first recovery phrase in <paramref name="text"/>, or null.</summary>
    public static PrivacyFinding? Find(ReadOnlySpan<char> text, in TextScanContext context)
    {
        // Twelve words need eleven spaces; text in a script without spaces is passed over at once.
        if (text.Count(' ') < MinWords - 1)
        {
            return null;
        }

        return Cues.Any(text, 0, static (text, at, _, _) => PhraseFollows(text, at), out _, out _)
            ? new PrivacyFinding("seed-phrase", context.Field, $"wallet recovery phrase in {context.Field}")
            : null;
    }

    private static bool PhraseFollows(ReadOnlySpan<char> text, int at)
    {
        ReadOnlySpan<char> after = text[at..Math.Min(text.Length, at + Window)];
        for (int i = 0; i < after.Length; i++)
        {
            if (char.IsAsciiLetterLower(after[i]) && (i == 0 || !char.IsAsciiLetter(after[i - 1])) && WordRun(after[i..]) >= MinWords)
            {
                return true;
            }
        }

        return false;
    }

    // How many words of 3 to 8 lower-case letters follow one another, one space apart.
    private static int WordRun(ReadOnlySpan<char> text)
    {
        int words = 0;
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && char.IsAsciiLetterLower(text[i]))
            {
                i++;
            }

            if (i - start is < 3 or > 8 || (i < text.Length && char.IsAsciiLetter(text[i])))
            {
                return words;
            }

            words++;
            if (i >= text.Length || text[i] != ' ')
            {
                return words;
            }

            i++;
        }

        return words;
    }
}

using System.Buffers;

namespace Router.Core.Privacy;

/// <summary>A password or PIN told in prose, in the languages users write in: "Mein Kennwort für das VPN ist …",
/// "La clave de mi router es …", "Мой пароль от Wi-Fi: …", "我的银行卡密码是…", "비밀번호는 … 인데", "Wi-Fi şifrem …".</summary>
/// <remarks>
/// A password word, then within the same clause and a few words either the word right after it or the word after a
/// connector ("is", "ist", "est", "es", "é", "è", "to", "это", ":", "是", "は", "는") must look like a password: letters
/// with digits or symbols, not a word, a name of code, a version, a placeholder or an address. Questions about passwords
/// ("how do I reset my password", "password policy", "hash a password with bcrypt") hold no such word.
/// </remarks>
internal static class PasswordInProseDetector
{
    private const int MaxWordsAfterCue = 6;
    private const int Window = 72;

    private static readonly ProsePasswordCue[] Cues =
    [
        new("password", true, true, false), new("passwort", true, true, false), new("kennwort", true, true, false),
        new("passphrase", false, true, false), new("passcode", false, true, false), new("mot de passe", false, true, false),
        new("mdp", false, false, false), new("contraseña", false, true, false), new("contrasena", false, true, false),
        new("clave", false, true, false), new("senha", false, true, false), new("palavra-passe", false, true, false),
        new("hasło", false, true, false), new("haslo", false, true, false), new("hasła", false, true, false),
        new("hasla", false, true, false), new("şifre", false, true, false), new("sifre", false, true, false),
        new("parola", false, true, false), new("parol", false, true, false), new("wachtwoord", true, true, false),
        new("lösenord", true, true, false), new("passord", true, true, false),
        
        new("jelszó", false, true, false), 
        new("mật khẩu", false, false, false), 
        new("пароль", false, true, false), new("пароля", false, true, false), new("паролем", false, true, false),
        new("гасло", false, true, false), new("лозинка", false, true, false), new("κωδικός", false, true, false),
        new("συνθηματικό", false, true, false), new("סיסמה", false, true, false), new("סיסמא", false, true, false),
        new("كلمة المرور", false, true, false), new("كلمة السر", false, true, false), new("رمز عبور", false, true, false),
        new("पासवर्ड", false, true, false), new("รหัสผ่าน", false, true, false), new("密码", false, true, false),
        new("密碼", false, true, false), new("口令", false, true, false), new("パスワード", false, true, false),
        new("비밀번호", false, true, false), new("비번", false, true, false), new("패스워드", false, true, false),
        new("암호", false, false, false), new("pin", false, false, true), new("pin-code", false, false, true),
        new("pin-код", false, true, true), new("пин-код", false, true, true), new("pin码", false, true, true),
        new("暗証番号", false, true, true), new("wifi key", false, false, false),
        new("wi-fi key", false, false, false), new("wlan key", false, false, false), new("wpa key", false, false, false),
        new("network key", false, false, false), new("wlan-schlüssel", false, true, false), 
        new("clé wifi", false, false, false), new("clé wi-fi", false, false, false), new("clave wifi", false, false, false),
        new("clave del wifi", false, false, false), 
    ];

    // "X comme mot de passe", "X als Passwort", "X jako hasło": the word that, before a password word, makes the word
    // before it the password.
    private static readonly HashSet<string> AsWords = new(StringComparer.Ordinal)
    {
        "as", "comme", "als", "como", "come", "jako", "как", "kao", "som", "zoals", "olarak",
    };

    private static readonly string Quotes = "\"'«»“”„‘’「」『』";

    private static readonly SearchValues<char> CodeChars = SearchValues.Create("(){}[]=\"<>`");

    // The common cues of the twelve languages most developers write in share these few anchors; cues of other languages
    // are found by their letters that are not ASCII (lösenord, jelszó, mật khẩu, пароль, 密码…).
    private static readonly CueFinder CueWords = new(
        [.. Cues.Select(cue => cue.Word)], ["pass", "wort", "mdp", "contras", "clave", "senha", "hasl", "sifre", "paro", "pin", "key", "wachtw"]);

    // The cues by their first character, folded: a hit is compared with the few that can start there.
    private static readonly Dictionary<char, ProsePasswordCue[]> CuesByFirst = Cues
        .GroupBy(cue => LatinFold.Fold(cue.Word[0]))
        .ToDictionary(group => group.Key, group => group.OrderByDescending(cue => cue.Word.Length).ToArray());

    // Words between a password word and its value, folded (LatinFold): "is", "ist", "est", "es", "é", "è", "to", "это".
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "is", "was", "are", "ist", "lautet", "war", "lautete", "est", "etait", "c'est", "es", "era", "sera", "e", "to", "jest",
        "brzmi", "это", "-", "—", "–", ":", "->", "la", "→", "sont", "son", "sono", "sao", "zijn", "er", "ar", "on", "je",
    };

    // Characters that, ending a word of a script written without spaces, join it to the value: 是 为 は が を 는 은 이 가 를 을 ：
    private const string SpacelessConnectors = "是为為はがを는은이가를을：:";

    /// <summary>The first password or PIN told in prose, or null.</summary>
    public static PrivacyFinding? Find(ReadOnlySpan<char> text, in TextScanContext context)
    {
        if (!CueWords.Any(text, 0, static (text, at, _, _) => CueAt(text, at) is { } cue && Discloses(text, at, cue), out int found, out _))
        {
            return null;
        }

        bool pin = CueAt(text, found) is { Pin: true };
        return new PrivacyFinding(pin ? "pin-in-prose" : "password-in-prose", context.Field, $"{(pin ? "PIN" : "password")} written out in {context.Field}");
    }

    private static bool Discloses(ReadOnlySpan<char> text, int at, ProsePasswordCue cue) =>
        ValueFollows(text, at, cue) || (!cue.Pin && ValuePrecedes(text, at));

    // The longest cue that starts at `at` and stands as a word there (its boundaries allowing).
    private static ProsePasswordCue? CueAt(ReadOnlySpan<char> text, int at)
    {
        if (!CuesByFirst.TryGetValue(LatinFold.Fold(text[at]), out ProsePasswordCue[]? candidates))
        {
            return null;
        }

        // Longest first, so "passwort" is not read as "passwo…" of a shorter cue.
        foreach (ProsePasswordCue cue in candidates)
        {
            if (text[at..].StartsWith(cue.Word, StringComparison.OrdinalIgnoreCase)
                && (cue.Compound || at == 0 || !IsCasedLetter(text[at - 1]) || !IsCasedLetter(cue.Word[0])))
            {
                return cue;
            }
        }

        return null;
    }

    private static bool ValueFollows(ReadOnlySpan<char> text, int at, ProsePasswordCue cue)
    {
        // Part of a name in code ("db_password", "cfg.passwort", "$senha"): the assignment detector's.
        if (at > 0 && text[at - 1] is '_' or '.' or '$')
        {
            return false;
        }

        int p = at + cue.Word.Length;
        if (SecretNameLexicon.StartsWithHarmlessScriptWord(text[at..]) || SecretNameLexicon.StartsWithHarmlessScriptWord(text[p..]))
        {
            // "암호화" (encryption), "密码长度" (password length), "パスワードリセット".
            return false;
        }

        if (IsCasedLetter(cue.Word[^1]))
        {
            int tail = p;
            while (p < text.Length && IsCasedLetter(text[p]))
            {
                p++;
            }

            if (p > tail && !cue.Inflects)
            {
                return false;
            }
        }

        // Code ("password = …", "password_hash", "passwords[i]") is the assignment detector's; prose goes on with a space,
        // a colon or a word of a script written without spaces.
        if (p < text.Length && !(char.IsWhiteSpace(text[p]) || text[p] is ':' or '\uFF1A' or ',' || IsSpaceless(text[p])))
        {
            return false;
        }

        int end = Math.Min(text.Length, p + Window);
        bool first = true;
        bool afterConnector = false;
        for (int words = 0; words < MaxWordsAfterCue && p < end; words++)
        {
            bool colon = false;
            while (p < end && ((char.IsWhiteSpace(text[p]) && text[p] != '\n') || (IsWidePunctuation(text[p]) && !EndsClause(text, p))))
            {
                colon |= text[p] == '\uFF1A';
                p++;
            }

            afterConnector |= colon;

            if (p >= end || EndsClause(text, p))
            {
                return false;
            }

            int start = p;
            if (IsSpaceless(text[p]))
            {
                while (p < end && IsSpaceless(text[p]))
                {
                    p++;
                }

                // "密码是…", "パスワードは…", "비밀번호는 …": a connector ends the run; other runs are words of the clause.
                afterConnector = SpacelessConnectors.Contains(text[p - 1], StringComparison.Ordinal);
                first = false;
                continue;
            }

            while (p < end && !char.IsWhiteSpace(text[p]) && !IsSpaceless(text[p]) && !IsWidePunctuation(text[p]) && !EndsClause(text, p))
            {
                p++;
            }

            ReadOnlySpan<char> raw = text[start..p];
            if (raw.StartsWith('=') || raw.StartsWith("=>", StringComparison.Ordinal))
            {
                // "password = …" is code, judged by the assignment detector.
                return false;
            }

            ReadOnlySpan<char> word = raw.Trim("\"'`«»“”„‘’()[]").TrimEnd(",;:!?.\uFF1A\u3001");
            if (first && IsAboutPasswords(word))
            {
                return false;
            }

            // A quoted value near the password word is one, whatever the words between ("auf „…“ umgestellt").
            if (Quotes.Contains(raw[0], StringComparison.Ordinal) && IsPasswordShaped(word))
            {
                return true;
            }

            // A password word followed by digits alone tells a PIN ("şifresi 4826", "비밀번호 6자리가 802614").
            if ((first || afterConnector) && (IsPin(word) || (!cue.Pin && IsPasswordShaped(word))))
            {
                return true;
            }

            afterConnector = IsConnector(word) || raw.EndsWith(':') || raw.EndsWith('\uFF1A');
            first = false;
        }

        return false;
    }

    // "J'ai mis X comme mot de passe", "Coloquei X como senha", "ustawiłem X jako hasło": the value, an "as" word, then
    // at most two small words ("my", "mon", "do") before the password word.
    private static bool ValuePrecedes(ReadOnlySpan<char> text, int at)
    {
        int p = at;
        Span<char> folded = stackalloc char[8];
        for (int words = 0; words < 4; words++)
        {
            int end = p;
            while (end > 0 && text[end - 1] is ' ' or '\t')
            {
                end--;
            }

            int start = end;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            if (start == end)
            {
                return false;
            }

            ReadOnlySpan<char> word = text[start..end];
            if (word.Length <= 8 && AsWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(LatinFold.Fold(word, folded)))
            {
                int valueEnd = start;
                while (valueEnd > 0 && text[valueEnd - 1] is ' ' or '\t')
                {
                    valueEnd--;
                }

                int valueStart = valueEnd;
                while (valueStart > 0 && !char.IsWhiteSpace(text[valueStart - 1]))
                {
                    valueStart--;
                }

                ReadOnlySpan<char> value = text[valueStart..valueEnd].Trim(Quotes).TrimEnd(",;:");
                return IsPasswordShaped(value);
            }

            if (word.Length > 6 || EndsClause(text, end - 1))
            {
                return false;
            }

            p = start;
        }

        return false;
    }

    private static bool EndsClause(ReadOnlySpan<char> text, int p)
    {
        char c = text[p];
        if (c is '\n' or '。' or '？' or '！' or ';' or '；')
        {
            return true;
        }

        // ". " and "? " end a sentence; a dot inside a word ("v1.2", "Abc.123") does not.
        return c is '.' or '?' or '!' && (p + 1 >= text.Length || char.IsWhiteSpace(text[p + 1]));
    }

    private static bool IsConnector(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 8)
        {
            return false;
        }

        Span<char> folded = stackalloc char[8];
        return Connectors.GetAlternateLookup<ReadOnlySpan<char>>().Contains(LatinFold.Fold(word, folded));
    }

    // "password policy", "Passwort zurücksetzen", "contraseña segura": the word after the cue says what kind of thing
    // about passwords is meant.
    private static bool IsAboutPasswords(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 32)
        {
            return false;
        }

        Span<char> folded = stackalloc char[32];
        return SecretNameLexicon.IsHarmlessWord(LatinFold.Fold(word, folded));
    }

    private static bool IsPin(ReadOnlySpan<char> word) =>
        word.Length is >= 4 and <= 8 && !word.ContainsAnyExceptInRange('0', '9');

    private static bool IsPasswordShaped(ReadOnlySpan<char> word)
    {
        if (word.Length is < 6 or > 64 || word[0] == ':' || ValueShape.IsPlaceholder(word) || ValueShape.IsVersion(word)
            || word.Contains("://", StringComparison.Ordinal) || word.ContainsAny(CodeChars))
        {
            return false;
        }

        bool lower = false, upper = false, digit = false, symbol = false, underscoreOnly = true;
        int at = word.IndexOf('@');
        if (at > 0 && word[at..].Contains('.'))
        {
            // An e-mail address.
            return false;
        }

        foreach (char c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (char.IsLower(c))
            {
                lower = true;
            }
            else if (char.IsUpper(c))
            {
                upper = true;
            }
            else if (c is '-' or '.' or '\'' or '’')
            {
                // Joins words ("e-mail", "Wi-Fi", "l'accès") as often as it is part of a password.
            }
            else if (c < 128)
            {
                symbol = true;
                underscoreOnly &= c == '_';
            }
            else
            {
                // A letter of another script: the value is a word of the sentence.
                return false;
            }
        }

        if (!(lower || upper) || !(digit || symbol))
        {
            return false;
        }

        // Names from code ("user_pass", "DB_PASSWORD") and standards ("SHA-256", "UTF-8", "WPA2") are not passwords.
        if (symbol && underscoreOnly && !digit)
        {
            return false;
        }

        return lower || !IsStandardName(word);
    }

    // Capital letters then digits: SHA-256, AES256, ISO-8859, HTTP2.
    private static bool IsStandardName(ReadOnlySpan<char> word)
    {
        int letters = word.IndexOfAnyExceptInRange('A', 'Z');
        if (letters is < 1 or > 6)
        {
            return letters < 0;
        }

        ReadOnlySpan<char> rest = word[letters..].TrimStart("-_ ");
        return !rest.IsEmpty && rest.Length <= 5 && !rest.ContainsAnyExceptInRange('0', '9');
    }

    // CJK punctuation and full-width forms of ASCII punctuation (，、：「」), which end a word as a space would.
    private static bool IsWidePunctuation(char c) => c is >= '\u3000' and <= '\u303F' or >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20';

    private static bool IsCasedLetter(char c) => char.IsLetter(c) && !IsSpaceless(c);

    // Han, kana and Hangul: words run together without spaces.
    private static bool IsSpaceless(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF'
            or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';
}

namespace Router.Core.Privacy;

/// <summary>Secret-like words in names, in the languages and scripts developers name things in: native words, their
/// transliterations and abbreviations, in any casing and compound (<c>DATENBANK_PASSWORT</c>, <c>senhaBanco</c>,
/// <c>clave_bd</c>, <c>mot_de_passe</c>, <c>数据库密码</c>, <c>비밀번호</c>, <c>klyuch_api</c>).</summary>
/// <remarks>
/// A name is split into words at separators, digits, camelCase humps and changes of script; each word is folded
/// (<see cref="LatinFold"/>) and looked up. English words that end a name are judged before this, by
/// <see cref="SecretAssignmentDetector"/>; here a secret word may stand anywhere in the name, since many languages put
/// the qualifier after it (<c>senha_banco</c>), so words that make a name about a secret (<c>hash</c>, <c>länge</c>,
/// <c>长度</c>) cancel it.
/// </remarks>
internal static class SecretNameLexicon
{
    private const int MaxWord = 48;

    private const int MaxWords = 8;
    private const int MaxName = 40;

    // Latin-script words, folded, matched whole.
    private static readonly Dictionary<string, SecretWordRole> Words = BuildWords();

    // Latin-script stems that inflect (Turkish şifrem/şifresi, Polish hasła, Russian transliterated parolya): the word
    // starts with the stem and has at most MaxTail more letters.
    private static readonly (string Stem, SecretWordRole Role, int MaxTail)[] Stems =
    [
        ("hasl", SecretWordRole.Password, 3), ("sifre", SecretWordRole.Password, 4), ("parol", SecretWordRole.Password, 3),
        ("senha", SecretWordRole.Password, 1), ("contrasen", SecretWordRole.Password, 3), ("passwort", SecretWordRole.Password, 3),
        ("kennwort", SecretWordRole.Password, 3), ("wachtwoord", SecretWordRole.Password, 2), ("hesl", SecretWordRole.Password, 2),
        ("jelsz", SecretWordRole.Password, 4), ("lozink", SecretWordRole.Password, 2), ("salasan", SecretWordRole.Password, 3),
        ("anahtar", SecretWordRole.Key, 3), ("klucz", SecretWordRole.Key, 2), ("schlussel", SecretWordRole.Key, 2),
        ("schluessel", SecretWordRole.Key, 2), ("erisim", SecretWordRole.KeyQualifier, 3), ("dostep", SecretWordRole.KeyQualifier, 2),
        ("zugang", SecretWordRole.KeyQualifier, 2), ("zugriff", SecretWordRole.KeyQualifier, 2), ("prywatn", SecretWordRole.KeyQualifier, 2),
        ("sifrele", SecretWordRole.Harmless, 6), ("uzunlu", SecretWordRole.Harmless, 3), ("dlugos", SecretWordRole.Harmless, 2),
    ];

    // Latin-script words that end a compound (German Datenbankpasswort, Dutch databasewachtwoord).
    private static readonly string[] CompoundEnds =
        ["passwort", "kennwort", "password", "wachtwoord", "losenord", "passord", "salasana", "adgangskode", "kodeord", "jelszo"];

    // Latin-script key words that end a compound, and the first parts that make such a key a credential.
    private static readonly string[] KeyCompoundEnds = ["schluessel", "schlussel", "sleutel", "nyckel", "nokkel"];

    private static readonly string[] CompoundQualifiers = ["zugang", "zugriff", "api", "geheim", "privat", "toegang", "atkomst", "tilgang"];

    // Words of scripts without case folding to Latin (Cyrillic, Greek, Hebrew, Arabic, Devanagari, Thai, CJK, Hangul),
    // found anywhere in a word of that script: these scripts join words without separators, or inflect by suffix.
    private static readonly (string Word, SecretWordRole Role)[] ScriptWords =
    [
        // Harmless first: "암호화" (encryption) holds "암호" (password), "密码长度" holds "密码".
        ("длин", SecretWordRole.Harmless), ("политик", SecretWordRole.Harmless), ("хеш", SecretWordRole.Harmless),
        ("хэш", SecretWordRole.Harmless), ("сброс", SecretWordRole.Harmless), ("长度", SecretWordRole.Harmless),
        ("策略", SecretWordRole.Harmless), ("哈希", SecretWordRole.Harmless), ("重置", SecretWordRole.Harmless),
        ("提示", SecretWordRole.Harmless), ("字段", SecretWordRole.Harmless), ("强度", SecretWordRole.Harmless),
        ("规则", SecretWordRole.Harmless), ("加密", SecretWordRole.Harmless), ("長さ", SecretWordRole.Harmless),
        ("ハッシュ", SecretWordRole.Harmless), ("ポリシー", SecretWordRole.Harmless), ("リセット", SecretWordRole.Harmless),
        ("暗号化", SecretWordRole.Harmless), ("길이", SecretWordRole.Harmless), ("해시", SecretWordRole.Harmless),
        ("정책", SecretWordRole.Harmless), ("재설정", SecretWordRole.Harmless), ("암호화", SecretWordRole.Harmless),
        ("парол", SecretWordRole.Password), ("гасл", SecretWordRole.Password), ("лозинк", SecretWordRole.Password),
        ("συνθηματικ", SecretWordRole.Password), ("κωδικοσ", SecretWordRole.Password), ("κωδικός", SecretWordRole.Password),
        ("סיסמ", SecretWordRole.Password), ("كلمةالمرور", SecretWordRole.Password), ("كلمةالسر", SecretWordRole.Password),
        ("گذرواژه", SecretWordRole.Password), ("رمزعبور", SecretWordRole.Password), ("पासवर्ड", SecretWordRole.Password),
        ("कूटशब्द", SecretWordRole.Password), ("รหัสผ่าน", SecretWordRole.Password), ("密码", SecretWordRole.Password),
        ("密碼", SecretWordRole.Password), ("口令", SecretWordRole.Password), ("パスワード", SecretWordRole.Password),
        ("暗証番号", SecretWordRole.Password), ("비밀번호", SecretWordRole.Password), ("비번", SecretWordRole.Password),
        ("패스워드", SecretWordRole.Password), ("암호", SecretWordRole.Password),
        ("секрет", SecretWordRole.Secret), ("токен", SecretWordRole.Secret), ("密钥", SecretWordRole.Secret),
        ("秘钥", SecretWordRole.Secret), ("私钥", SecretWordRole.Secret), ("金鑰", SecretWordRole.Secret),
        ("令牌", SecretWordRole.Secret), ("秘密", SecretWordRole.Secret), ("シークレット", SecretWordRole.Secret),
        ("トークン", SecretWordRole.Secret), ("秘密鍵", SecretWordRole.Secret), ("비밀키", SecretWordRole.Secret),
        ("시크릿", SecretWordRole.Secret), ("토큰", SecretWordRole.Secret), ("비밀", SecretWordRole.Secret),
        ("ключ", SecretWordRole.Key), ("キー", SecretWordRole.Key), ("鍵", SecretWordRole.Key), ("키", SecretWordRole.Key),
        ("доступ", SecretWordRole.KeyQualifier), ("приват", SecretWordRole.KeyQualifier), ("закрыт", SecretWordRole.KeyQualifier),
        ("私有", SecretWordRole.KeyQualifier), ("访问", SecretWordRole.KeyQualifier), ("アクセス", SecretWordRole.KeyQualifier),
        ("인증", SecretWordRole.KeyQualifier), ("접근", SecretWordRole.KeyQualifier),
    ];

    // Words written as several words in a name (mot_de_passe, palavra-passe, kata_sandi, mật_khẩu, كلمة_المرور),
    // found in the name's words joined without separators.
    private static readonly string[] JoinedPasswordWords =
        ["motdepasse", "palavrapasse", "paroladordine", "katasandi", "katalaluan", "matkhau", "kodedostepu"];

    // The words of a joined password word that the prefix table knows by ("mat_khau" by "khau"; "mot_de_passe" by "pass").
    private static readonly string[] JoinedLastParts = ["khau", "laluan", "dostepu", "passe"];

    private static readonly bool[] Prefixes = BuildPrefixes();

    // Last two letters of the words that end a compound ("…wort", "…woord", "…sel").
    private static readonly bool[] EndPairs = BuildEndPairs();

    // First characters of the words of other scripts, in either case.
    private static readonly System.Buffers.SearchValues<char> ScriptFirstChars = System.Buffers.SearchValues.Create(
        [.. ScriptWords.Where(entry => entry.Role != SecretWordRole.Harmless)
            .SelectMany(entry => new[] { char.ToLowerInvariant(entry.Word[0]), char.ToUpperInvariant(entry.Word[0]) }).Distinct()]);

    // First two folded characters of every Latin-script secret, key and password word: most words of a name start like
    // none, and are passed over after one look-up (compound ends are looked for through EndPairs).
    private static readonly bool[] StartPairs = BuildStartPairs();

    /// <summary>What a value stored under <paramref name="name"/> is, when a word of it (in any language) says so.</summary>
    /// <param name="strict">Set when the only password word is also an ordinary word (<c>clave</c>), so that its value must
    /// look like a password.</param>
    public static SecretKind Classify(ReadOnlySpan<char> name, out bool strict)
    {
        strict = false;
        if (name.Length < 2)
        {
            return SecretKind.None;
        }

        // A name walked back over a sentence of a script without spaces ("我的数据库密码：…") ends in the word that matters.
        if (name.Length > MaxName)
        {
            name = name[^MaxName..];
        }

        if (!MayHoldSecretWord(name))
        {
            return SecretKind.None;
        }

        Span<Range> words = stackalloc Range[MaxWords];
        int count = SplitWords(name, words);
        Span<char> folded = stackalloc char[MaxWord];
        bool password = false, ambiguous = false, secret = false, key = false, qualifier = false;
        for (int w = 0; w < count; w++)
        {
            ReadOnlySpan<char> word = LatinFold.Fold(name[words[w]], folded);
            switch (RoleOf(word, candidatesOnly: true))
            {
                case SecretWordRole.Password: password = true; break;
                case SecretWordRole.AmbiguousPassword: ambiguous = true; break;
                case SecretWordRole.Secret: secret = true; break;
                case SecretWordRole.Key: key = true; break;
            }
        }

        if (!(password || ambiguous || secret || key) && count > 1)
        {
            password = HoldsJoinedPasswordWord(name, words[..count]);
        }

        if (!(password || ambiguous || secret || key))
        {
            return SecretKind.None;
        }

        // Only now the words that qualify or cancel: a name with no secret word never pays for these look-ups.
        for (int w = 0; w < count; w++)
        {
            ReadOnlySpan<char> word = LatinFold.Fold(name[words[w]], folded);
            SecretWordRole? role = RoleOf(word, candidatesOnly: false);
            if (role == SecretWordRole.Harmless)
            {
                return SecretKind.None;
            }

            qualifier |= role == SecretWordRole.KeyQualifier;
        }

        if (password || ambiguous)
        {
            strict = !password;
            return SecretKind.Password;
        }

        return secret || (key && qualifier) ? SecretKind.Secret : SecretKind.None;
    }

    /// <summary>Whether a folded word makes a name or a phrase about secrets rather than one (<c>hash</c>, <c>policy</c>,
    /// <c>länge</c>, <c>reset</c>).</summary>
    public static bool IsHarmlessWord(ReadOnlySpan<char> folded) =>
        Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(folded, out SecretWordRole role) && role == SecretWordRole.Harmless;

    // A cheap test run for every name before an operator: a word of an ASCII name must begin with the first three to six
    // letters of a candidate word (a table look-up each), or end like a compound; any other name must hold the first
    // character of a word of another script.
    private static bool MayHoldSecretWord(ReadOnlySpan<char> name)
    {
        if (name.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return name.ContainsAny(ScriptFirstChars) || name.ContainsAnyInRange('\u00C0', '\u024F') || name.ContainsAnyInRange('\u1E00', '\u1EFF');
        }

        int i = 0;
        while (i < name.Length)
        {
            int end = WordEnd(name, i);
            if (end == i)
            {
                i++;
                continue;
            }

            ReadOnlySpan<char> word = name[i..end];
            i = end;
            if (word.Length == 2 && (word[0] | 0x20) == 'p' && (word[1] | 0x20) == 'w')
            {
                return true;
            }

            ulong packed = 0;
            for (int length = 1; length <= Math.Min(word.Length, MaxPrefix); length++)
            {
                packed = (packed << 7) | (uint)(word[length - 1] | 0x20);
                if (length >= 3 && Prefixes[PrefixSlot(packed, length)])
                {
                    return true;
                }
            }

            if (word.Length > 5 && EndPairs[Pair((char)(word[^2] | 0x20), (char)(word[^1] | 0x20))])
            {
                return true;
            }
        }

        return false;
    }

    private const int MaxPrefix = 6;

    private static int PrefixSlot(ulong packed, int length) => (int)((((packed << 3) | (uint)length) * 0x9E3779B97F4A7C15UL) >> 48);

    private static bool[] BuildPrefixes()
    {
        bool[] prefixes = new bool[1 << 16];
        IEnumerable<string> candidates = Words.Where(pair => pair.Value is not (SecretWordRole.Harmless or SecretWordRole.KeyQualifier)).Select(pair => pair.Key)
            .Concat(Stems.Where(stem => stem.Role is not (SecretWordRole.Harmless or SecretWordRole.KeyQualifier)).Select(stem => stem.Stem))
            .Concat(JoinedLastParts);
        foreach (string word in candidates)
        {
            if (word.Length < 3)
            {
                continue;
            }

            ulong packed = 0;
            int length = Math.Min(word.Length, MaxPrefix);
            foreach (char c in word.AsSpan(0, length))
            {
                packed = (packed << 7) | c;
            }

            prefixes[PrefixSlot(packed, length)] = true;
        }

        return prefixes;
    }

    /// <summary>Whether <paramref name="text"/> starts with a word of a script without spaces that makes the phrase about
    /// secrets (<c>암호화</c>, <c>长度</c>, <c>リセット</c>).</summary>
    public static bool StartsWithHarmlessScriptWord(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] < '\u0400')
        {
            return false;
        }

        foreach ((string word, SecretWordRole role) in ScriptWords)
        {
            if (role != SecretWordRole.Harmless)
            {
                break;
            }

            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int SplitWords(ReadOnlySpan<char> name, Span<Range> words)
    {
        int count = 0;
        int i = 0;
        while (i < name.Length && count < words.Length)
        {
            int end = WordEnd(name, i);
            if (end == i)
            {
                i++;
                continue;
            }

            words[count++] = i..end;
            i = end;
        }

        return count;
    }

    private static bool HoldsJoinedPasswordWord(ReadOnlySpan<char> name, ReadOnlySpan<Range> words)
    {
        Span<char> joined = stackalloc char[MaxWord * 2];
        int length = 0;
        foreach (Range word in words)
        {
            ReadOnlySpan<char> part = name[word];
            if (length + part.Length > joined.Length)
            {
                break;
            }

            length += LatinFold.Fold(part, joined[length..]).Length;
        }

        ReadOnlySpan<char> all = joined[..length];
        foreach (string joinedWord in JoinedPasswordWords)
        {
            if (all.Contains(joinedWord, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach ((string scriptWord, SecretWordRole role) in ScriptWords)
        {
            // "كلمة_المرور": an Arabic name written as two words.
            if (role == SecretWordRole.Password && scriptWord.Length > 6 && all.Contains(scriptWord, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static SecretWordRole? RoleOf(ReadOnlySpan<char> word, bool candidatesOnly)
    {
        if (char.IsAscii(word[0]) || IsLatin(word[0]))
        {
            return LatinRole(word, candidatesOnly);
        }

        foreach ((string scriptWord, SecretWordRole role) in ScriptWords)
        {
            if (word.Contains(scriptWord, StringComparison.Ordinal))
            {
                return role;
            }
        }

        return null;
    }

    private static SecretWordRole? LatinRole(ReadOnlySpan<char> word, bool candidatesOnly)
    {
        bool start = word.Length >= 2 && StartPairs[Pair(word[0], word[1])];
        bool end = word.Length > 5 && EndPairs[Pair(word[^2], word[^1])];
        if (candidatesOnly && !start && !end)
        {
            return null;
        }

        if (Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out SecretWordRole role))
        {
            return role;
        }

        if (start)
        {
            foreach ((string stem, SecretWordRole stemRole, int maxTail) in Stems)
            {
                if (word.StartsWith(stem, StringComparison.Ordinal) && word.Length - stem.Length <= maxTail && IsLetters(word[stem.Length..]))
                {
                    return stemRole;
                }
            }
        }

        if (end)
        {
            foreach (string compoundEnd in CompoundEnds)
            {
                if (word.Length > compoundEnd.Length && word.EndsWith(compoundEnd, StringComparison.Ordinal))
                {
                    return SecretWordRole.Password;
                }
            }

            // "zugangsschluessel", "apisleutel": a key compound whose first part makes it a credential.
            foreach (string keyEnd in KeyCompoundEnds)
            {
                if (word.Length > keyEnd.Length + 2 && word.EndsWith(keyEnd, StringComparison.Ordinal))
                {
                    ReadOnlySpan<char> head = word[..^keyEnd.Length];
                    foreach (string qualifier in CompoundQualifiers)
                    {
                        if (head.StartsWith(qualifier, StringComparison.Ordinal))
                        {
                            return SecretWordRole.Secret;
                        }
                    }

                    return SecretWordRole.Key;
                }
            }
        }

        return null;
    }

    // One word of a name: a run of letters of one script (Latin or other), split before camelCase humps.
    private static int WordEnd(ReadOnlySpan<char> name, int start)
    {
        char first = name[start];
        if (!char.IsLetter(first))
        {
            return start;
        }

        bool latin = char.IsAscii(first) || IsLatin(first);
        int i = start + 1;
        while (i < name.Length)
        {
            char c = name[i];
            if (!char.IsLetter(c) && !IsCombiningMark(c))
            {
                break;
            }

            bool cLatin = char.IsAscii(c) || IsLatin(c);
            if (cLatin != latin)
            {
                break;
            }

            // "senhaBanco", "dbPasswort": a capital after a small letter; "APIKey": the last capital of a run before a small one.
            if (latin && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                break;
            }

            i++;
        }

        return i;
    }

    private static bool IsLatin(char c) => c is >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF';

    // Vowel signs and tone marks of Thai, Devanagari and others are marks, not letters, yet part of the word.
    private static bool IsCombiningMark(char c) =>
        c >= '\u0300' && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsLetters(ReadOnlySpan<char> tail)
    {
        foreach (char c in tail)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Pair(char a, char b) => ((a & 0x7F) << 7) | (b & 0x7F);

    private static bool[] BuildEndPairs()
    {
        bool[] pairs = new bool[1 << 14];
        foreach (string compoundEnd in CompoundEnds.Concat(KeyCompoundEnds))
        {
            pairs[Pair(compoundEnd[^2], compoundEnd[^1])] = true;
        }

        return pairs;
    }

    private static bool[] BuildStartPairs()
    {
        bool[] pairs = new bool[1 << 14];
        foreach ((string word, SecretWordRole role) in Words)
        {
            if (role != SecretWordRole.Harmless && word.Length >= 2)
            {
                pairs[Pair(word[0], word[1])] = true;
            }
        }

        foreach ((string stem, _, _) in Stems)
        {
            pairs[Pair(stem[0], stem[1])] = true;
        }

        return pairs;
    }

    private static Dictionary<string, SecretWordRole> BuildWords()
    {
        Dictionary<string, SecretWordRole> words = new(StringComparer.Ordinal);
        void Add(SecretWordRole role, params string[] list)
        {
            foreach (string word in list)
            {
                words[word] = role;
            }
        }

        Add(SecretWordRole.Password,
            "password", "passwords", "passwd", "pwd", "pw", "passphrase", "passcode", "passwort", "kennwort", "mdp", "contrasena",
            "contrasenya", "senha", "senhas", "haslo", "sifre", "parol", "wachtwoord", "losenord", "passord", "adgangskode",
            "kodeord", "salasana", "heslo", "jelszo", "lozinka", "geslo", "parool", "matkhau", "katasandi", "mima", "bimilbeonho",
            "pasuwado", "pasvord", "pinkod", "pincode");
        Add(SecretWordRole.AmbiguousPassword, "clave", "claves", "parola", "sandi");
        Add(SecretWordRole.Secret,
            "secret", "secrets", "token", "tokens", "apikey", "credential", "credentials", "geheimnis", "secreto", "secreta",
            "segredo", "segreto", "sekret", "jeton", "miyao", "himitsu", "sifreanahtari", "tokenul");
        Add(SecretWordRole.Key,
            "key", "keys", "cle", "clef", "cles", "chave", "chaves", "chiave", "chiavi", "sleutel", "nyckel", "nokkel", "noegle", "kluch", "klyuch",
            "kljuch", "klyuc", "kulcs", "cheie");
        Add(SecretWordRole.KeyQualifier,
            "api", "access", "private", "auth", "signing", "master", "acces", "acceso", "accesso", "acesso", "privat", "prive",
            "privee", "privada", "privado", "privata", "privato", "ozel", "geheim", "geheime", "geheimer", "geheimen", "secrete",
            "segreta", "gizli", "tajny", "tajna", "tajne", "dostupa", "dostup", "privatnyi", "privatny", "soukromy", "titkos");
        Add(SecretWordRole.Harmless,
            "hash", "hashed", "digest", "policy", "regex", "pattern", "len", "length", "min", "max", "minlen", "maxlen", "count",
            "field", "label", "hint", "prompt", "placeholder", "input", "reset", "expiry", "expires", "expiration", "strength",
            "rule", "rules", "error", "errors", "msg", "message", "text", "title", "column", "col", "attempts", "retries", "mask",
            "type", "form", "validator", "validation", "required", "visible", "show", "hide", "toggle", "icon", "file", "path",
            "env", "var", "name", "url", "uri", "changed", "updated", "enabled", "flag", "sha", "md", "bcrypt", "argon", "salt",
            "page", "next", "cursor", "csrf", "xsrf", "test", "fake", "mock", "example", "sample", "dummy", "primary", "foreign",
            "public", "cache", "sort", "map", "lookup", "index", "id", "laenge", "lange", "richtlinie", "regel", "feld", "hinweis",
            "fehler", "nachricht", "vergessen", "longitud", "politica", "campo", "mensaje", "olvidada", "olvido", "restablecer",
            "comprimento", "mensagem", "erro", "esqueci", "redefinir", "lunghezza", "messaggio", "errore", "pole", "komunikat",
            "blad", "alan", "mesaj", "hata", "champ", "longueur", "politique", "oublie", "erreur", "primaria", "primario",
            "primaire", "externa", "estrangeira", "etrangere", "valor", "valeur", "wert", "nome", "nombre", "nom", "tri", "sortierung", "cifrado", "cifrada", "criptografia", "chiffrement", "verschluesselung",
            "verschlusselung", "szyfrowanie", "algoritma", "algoritmo", "algorithm");
        return words;
    }
}

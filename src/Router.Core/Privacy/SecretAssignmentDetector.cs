using System.Buffers;

namespace Router.Core.Privacy;

/// <summary>
/// A literal value assigned to a secret-like name (<c>DB_PASSWORD = "…"</c>, <c>api_key: …</c>, <c>Password=…;</c>):
/// a clear password for password names, a random-looking value for token, secret and key names.
/// Reading a secret from somewhere else (<c>os.getenv("DB_PASSWORD")</c>, <c>${VAR}</c>, a variable) is not a secret.
/// </summary>
internal static class SecretAssignmentDetector
{
    private const int MaxValue = 512;
    private const int MinSecretLength = 12;
    private const double MinSecretEntropy = 3.0;

    private static readonly SearchValues<char> IdentifierChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    private static readonly SearchValues<char> BareValueStop = SearchValues.Create(" \t\r\n;,)]}\"'`<>&");

    // Words that, before "key", make it a credential ("api key", "AccountKey"), unlike "primary key" or "cache key".
    private static readonly HashSet<string> SecretKeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "access", "secret", "private", "auth", "account", "signing", "encryption", "master", "client", "app",
        "consumer", "subscription", "service", "admin", "license", "storage", "session", "hmac", "jwt", "webhook", "sharedaccess",
    };

    // Words that, before "token", name something that is not a credential (pagination cursors, tokenizer vocabulary).
    private static readonly HashSet<string> HarmlessTokenQualifiers = new(StringComparer.Ordinal)
    {
        "page", "next", "continuation", "cursor", "sync", "max", "num", "csrf", "xsrf", "eos", "bos", "pad", "unk", "sep", "cls",
        "mask", "start", "end", "special", "input", "output", "total", "prompt", "completion", "cancellation", "cancel", "lexer",
        "parser", "syntax", "last", "first", "prev", "previous", "stop", "bad", "invalid", "expired", "test", "fake", "mock",
    };

    private static readonly HashSet<string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "str", "string", "int", "bool", "boolean", "number", "any", "none", "null", "nil", "undefined", "true", "false", "yes", "no",
        "on", "off", "optional", "secretstr", "bytes", "char", "object", "required", "text", "varchar", "password", "secret",
    };

    /// <summary>Characters that end a name and start its value; the scanner finds them in one vectorised pass.</summary>
    public static SearchValues<char> Operators { get; } = SearchValues.Create("=:>\uFF1A");

    /// <summary>A finding when the operator at <paramref name="at"/> gives a secret-like name a literal secret, otherwise null.</summary>
    public static PrivacyFinding? Inspect(ReadOnlySpan<char> text, int at, in TextScanContext context)
    {
        // Walk back from the operator to the name: "name = ", "\"name\": ", "config['name'] = ", "<name>".
        int nameEnd = at;
        if (text[at] != '>')
        {
            while (nameEnd > 0 && text[nameEnd - 1] is ' ' or '\t')
            {
                nameEnd--;
            }

            if (nameEnd > 0 && text[nameEnd - 1] == ']')
            {
                nameEnd--;
            }

            if (nameEnd > 0 && text[nameEnd - 1] is '"' or '\'' or '`')
            {
                nameEnd--;
            }
        }

        if (nameEnd == 0 || !IsNameChar(text[nameEnd - 1]))
        {
            return null;
        }

        bool english = IdentifierChars.Contains(text[nameEnd - 1]) && EndsWithSecretWord(text[..nameEnd]);
        int nameStart = nameEnd - 1;
        while (nameStart > 0 && IsNameChar(text[nameStart - 1]))
        {
            nameStart--;
        }

        if (text[at] == '>' && (nameStart == 0 || text[nameStart - 1] != '<'))
        {
            return null;
        }

        ReadOnlySpan<char> name = text[nameStart..nameEnd];
        bool strict = false;
        string detector = "secret-assignment";
        string what = "secret assigned to a secret-like name";
        SecretKind kind = english ? Classify(name, out detector, out what) : SecretKind.None;
        if (kind == SecretKind.None && !english)
        {
            // A secret word in another language, or one that does not end the name ("senha_banco", "数据库密码").
            kind = SecretNameLexicon.Classify(name, out strict);
            if (kind == SecretKind.Password)
            {
                detector = "password-assignment";
                what = "password assigned in code or configuration";
            }
        }

        if (kind == SecretKind.None)
        {
            return null;
        }

        if (!TryReadAssignedValue(text, nameStart, nameEnd, out AssignedValue assignment))
        {
            return null;
        }

        ReadOnlySpan<char> value = text.Slice(assignment.ValueStart, assignment.ValueLength);
        bool secret = kind switch
        {
            SecretKind.Password => IsLiteralPassword(value, assignment) && (!strict || LooksLikePassword(value)),
            // A "sig=" query parameter is a secret only as the signature of a signed URL ("…&sig=…").
            SecretKind.Signature => assignment.QueryParameter && value.Length >= 30 && ValueShape.Entropy(value) >= 4.0,
            SecretKind.Authorization => IsAuthorizationCredential(text, assignment, ref detector, ref what),
            _ => !context.IsLockFile && IsRandomSecret(value, assignment),
        };
        if (!secret && kind is SecretKind.Password or SecretKind.Secret && !context.IsLockFile && FlowsFromLiteral(text, value, kind, strict))
        {
            return new PrivacyFinding(
                kind == SecretKind.Password ? "password-via-name" : "secret-via-name",
                context.Field,
                $"{(kind == SecretKind.Password ? "password" : "secret")} literal passed on through a name in {context.Field}");
        }

        if (!secret)
        {
            return null;
        }

        if (kind == SecretKind.Password && (assignment.InConnectionString || (nameStart > 0 && text[nameStart - 1] == ';')))
        {
            detector = "connection-string-password";
            what = "password in a connection string";
        }

        return new PrivacyFinding(detector, context.Field, $"{what} in {context.Field}");
    }

    // Characters of a name: ASCII identifier characters, and letters of any script ("пароль", "数据库密码", "contraseña").
    private static bool IsNameChar(char c) =>
        c < 128 ? IdentifierChars.Contains(c)
            : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    // A credential slot given a name (password=SENHA) or a template ({parol}) whose literal the same text assigns.
    private static bool FlowsFromLiteral(ReadOnlySpan<char> text, ReadOnlySpan<char> value, SecretKind kind, bool strict)
    {
        ReadOnlySpan<char> referenced = LiteralFlow.ReferencedName(value);
        if (referenced.IsEmpty)
        {
            return false;
        }

        Range literal = LiteralFlow.FindAssignedLiteral(text, referenced);
        if (literal.Equals(default(Range)))
        {
            return false;
        }

        ReadOnlySpan<char> assigned = text[literal];
        var quoted = new AssignedValue(0, assigned.Length, Quoted: true, '=', true, true, false, false, false);
        return kind == SecretKind.Password
            ? IsLiteralPassword(assigned, quoted) && (!strict || LooksLikePassword(assigned))
            : IsRandomSecret(assigned, quoted);
    }

    // For a name whose password word is also an ordinary word: letters with digits, or three kinds of character.
    private static bool LooksLikePassword(ReadOnlySpan<char> value)
    {
        bool letter = false, digit = false;
        foreach (char c in value)
        {
            letter |= char.IsLetter(c);
            digit |= char.IsAsciiDigit(c);
        }

        return (letter && digit) || ValueShape.CharacterClasses(value) >= 3;
    }

    // Cheap test before the real classification: the name ends with a word secrets are stored under.
    private static bool EndsWithSecretWord(ReadOnlySpan<char> beforeOperator)
    {
        ReadOnlySpan<char> name = beforeOperator.TrimEnd("0123456789");
        if (name.IsEmpty)
        {
            return false;
        }

        return (name[^1] | 0x20) switch
        {
            'd' => name.EndsWith("password", StringComparison.OrdinalIgnoreCase) || name.EndsWith("passwd", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("pwd", StringComparison.OrdinalIgnoreCase),
            's' => name.EndsWith("pass", StringComparison.OrdinalIgnoreCase) || name.EndsWith("secrets", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("credentials", StringComparison.OrdinalIgnoreCase),
            'e' => name.EndsWith("passphrase", StringComparison.OrdinalIgnoreCase),
            'g' => name.EndsWith("sig", StringComparison.OrdinalIgnoreCase),
            't' => name.EndsWith("secret", StringComparison.OrdinalIgnoreCase),
            'n' => name.EndsWith("token", StringComparison.OrdinalIgnoreCase) || name.EndsWith("authorization", StringComparison.OrdinalIgnoreCase),
            'y' => name.EndsWith("key", StringComparison.OrdinalIgnoreCase),
            'l' => name.EndsWith("credential", StringComparison.OrdinalIgnoreCase),
            'h' => name.EndsWith("auth", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    private static SecretKind Classify(ReadOnlySpan<char> name, out string detector, out string what)
    {
        Span<char> lastBuffer = stackalloc char[48];
        Span<char> previousBuffer = stackalloc char[48];
        ReadOnlySpan<char> trimmed = name.TrimStart("-_.").TrimEnd("0123456789");
        int lastStart = WordStart(trimmed, trimmed.Length);
        ReadOnlySpan<char> last = Lower(trimmed[lastStart..], lastBuffer);
        int previousEnd = lastStart;
        while (previousEnd > 0 && trimmed[previousEnd - 1] is '_' or '-' or '.')
        {
            previousEnd--;
        }

        ReadOnlySpan<char> previous = previousEnd > 0 ? Lower(trimmed[WordStart(trimmed, previousEnd)..previousEnd], previousBuffer) : default;
        detector = "secret-assignment";
        what = "secret assigned to a secret-like name";

        if (last is "password" or "passwd" or "pwd" or "pass" or "passphrase" || last.EndsWith("password"))
        {
            detector = "password-assignment";
            what = "password assigned in code or configuration";
            return SecretKind.Password;
        }

        if (last is "authorization")
        {
            detector = "authorization-header";
            what = "credentials in an Authorization header";
            return SecretKind.Authorization;
        }

        if (last is "sig")
        {
            detector = "azure-sas-signature";
            what = "shared access signature";
            return SecretKind.Signature;
        }

        bool aws = name.Contains("aws", StringComparison.OrdinalIgnoreCase);
        if (last is "key" && previous is "account")
        {
            detector = "azure-storage-key";
            what = "Azure storage account key";
            return SecretKind.Secret;
        }

        bool secretName =
            last is "secret" or "secrets" or "credential" or "credentials" or "auth"
            || last.EndsWith("secret") || last.EndsWith("apikey") || last.EndsWith("accesskey") || last.EndsWith("secretkey")
            || last.EndsWith("privatekey") || last.EndsWith("accountkey") || last.EndsWith("authkey")
            || (last.EndsWith("token") && !(last is "token" && IsHarmlessTokenQualifier(previous)))
            || (last is "key" && IsSecretKeyQualifier(previous));
        if (!secretName)
        {
            return SecretKind.None;
        }

        if (aws && (last is "key" or "secretkey" or "secret"))
        {
            detector = "aws-secret-key";
            what = "AWS secret access key";
        }

        return SecretKind.Secret;
    }

    private static bool IsSecretKeyQualifier(ReadOnlySpan<char> word) =>
        !word.IsEmpty && SecretKeyQualifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsHarmlessTokenQualifier(ReadOnlySpan<char> word) =>
        !word.IsEmpty && HarmlessTokenQualifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    // Start of the last word of name[..end]: words split at _, -, . and camelCase humps ("dbPassword", "APIKey", "DB_PASSWORD").
    private static int WordStart(ReadOnlySpan<char> name, int end)
    {
        int i = end;
        while (i > 0 && char.IsAsciiLetterLower(name[i - 1]))
        {
            i--;
        }

        if (i < end)
        {
            // "Password" keeps its capital; "dbpassword" has none.
            return i > 0 && char.IsAsciiLetterUpper(name[i - 1]) ? i - 1 : i;
        }

        while (i > 0 && (char.IsAsciiLetterUpper(name[i - 1]) || char.IsAsciiDigit(name[i - 1])))
        {
            i--;
        }

        return i;
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int length = Math.Min(word.Length, buffer.Length);
        for (int i = 0; i < length; i++)
        {
            buffer[i] = char.ToLowerInvariant(word[i]);
        }

        return buffer[..length];
    }

    private static bool TryReadAssignedValue(ReadOnlySpan<char> text, int nameStart, int nameEnd, out AssignedValue assignment)
    {
        assignment = default;
        int p = nameEnd;
        char keyQuote = nameStart > 0 ? text[nameStart - 1] : '\0';
        if (p < text.Length && text[p] is '"' or '\'' or '`' && keyQuote == text[p])
        {
            p++;
        }

        if (p < text.Length && text[p] == ']')
        {
            p++;
        }

        int beforeOperator = p;
        p = SkipBlanks(text, p);
        bool spaceBefore = p > beforeOperator;
        if (p >= text.Length)
        {
            return false;
        }

        // A full-width colon, as Chinese and Japanese keyboards type it ("密码：…"), reads as a colon.
        char op = text[p] == '\uFF1A' ? ':' : text[p];
        bool xmlElement = keyQuote == '<' && op == '>';
        switch (op)
        {
            case '=' when p + 1 < text.Length && text[p + 1] is '=' or '~':
                return false;
            case '=':
                p += p + 1 < text.Length && text[p + 1] == '>' ? 2 : 1;
                break;
            case ':' when p + 1 < text.Length && text[p + 1] == ':':
                return false;
            case ':':
                p += p + 1 < text.Length && text[p + 1] == '=' ? 2 : 1;
                break;
            case '>' when xmlElement:
                p++;
                break;
            default:
                return false;
        }

        int afterOperator = p;
        p = SkipBlanks(text, p);
        bool spaceAfter = p > afterOperator;

        // "password: str = 'x'": skip a type annotation to the value.
        if (op == ':')
        {
            int typeEnd = p;
            while (typeEnd < text.Length && typeEnd - p < 60 && (char.IsAsciiLetterOrDigit(text[typeEnd]) || text[typeEnd] is '_' or '.' or '[' or ']' or '|' or '?' or ' ' or '<' or '>' or ',' or '&' or '\''))
            {
                typeEnd++;
            }

            if (typeEnd > p && typeEnd < text.Length && text[typeEnd] == '=' && (typeEnd + 1 >= text.Length || text[typeEnd + 1] != '='))
            {
                p = SkipBlanks(text, typeEnd + 1);
                op = '=';
                spaceBefore = spaceAfter = true;
            }
        }

        if (p >= text.Length)
        {
            return false;
        }

        // String prefixes: f"…", b'…', r"…", @"…", $"…".
        int q = p;
        while (q < text.Length && q - p < 2 && text[q] is 'f' or 'b' or 'r' or 'u' or 'F' or 'B' or 'R' or 'U' or '@' or '$')
        {
            q++;
        }

        if (q < text.Length && text[q] is '"' or '\'' or '`' && (q == p || q - p <= 2))
        {
            char quote = text[q];
            int start = q + 1;
            int end = start;
            while (end < text.Length && end - start <= MaxValue && text[end] != quote && text[end] != '\n')
            {
                end += text[end] == '\\' ? 2 : 1;
            }

            if (end >= text.Length || text[end] != quote || end - start > MaxValue)
            {
                return false;
            }

            assignment = new AssignedValue(start, end - start, Quoted: true, op, spaceBefore, spaceAfter,
                InConnectionString: false, ConfigLine: false, QueryParameter: false);
            return true;
        }

        if (xmlElement)
        {
            int close = text[p..].IndexOf('<');
            if (close <= 0)
            {
                return false;
            }

            assignment = new AssignedValue(p, close, Quoted: true, op, spaceBefore, spaceAfter, false, false, false);
            return true;
        }

        int bareEnd = text[p..].IndexOfAny(BareValueStop);
        bareEnd = bareEnd < 0 ? text.Length : p + bareEnd;
        if (bareEnd == p || bareEnd - p > MaxValue)
        {
            return false;
        }

        char after = bareEnd < text.Length ? text[bareEnd] : '\n';
        char before = nameStart > 0 ? text[nameStart - 1] : '\n';
        bool connectionString = op == '=' && !spaceBefore && !spaceAfter && (after == ';' || before == ';');
        bool query = op == '=' && before is '?' or '&';
        assignment = new AssignedValue(p, bareEnd - p, Quoted: false, op, spaceBefore, spaceAfter, connectionString,
            ConfigLine: IsConfigLine(text, nameStart, bareEnd), query);
        return true;
    }

    // "KEY=value" / "key: value" alone on its line, as in .env, properties and YAML files.
    private static bool IsConfigLine(ReadOnlySpan<char> text, int nameStart, int valueEnd)
    {
        int lineStart = nameStart;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }

        ReadOnlySpan<char> lead = text[..lineStart];
        foreach (string keyword in (ReadOnlySpan<string>)["export ", "set ", "ENV ", "- "])
        {
            if (lead.EndsWith(keyword, StringComparison.Ordinal))
            {
                lineStart -= keyword.Length;
                while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
                {
                    lineStart--;
                }

                break;
            }
        }

        if (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            return false;
        }

        int end = SkipBlanks(text, valueEnd);
        return end >= text.Length || text[end] is '\n' or '\r' or '#';
    }

    private static bool IsLiteralPassword(ReadOnlySpan<char> value, in AssignedValue assignment)
    {
        value = StripScheme(value);
        if (!IsLiteral(value, assignment, randomNamesAreValues: false) || value.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Labels and messages ("Enter your password") are sentences, not passwords.
        if (value.ContainsAny(' ', '\t'))
        {
            return false;
        }

        int classes = ValueShape.CharacterClasses(value);
        return (value.Length >= 6 && classes >= 2) || value.Length >= 12;
    }

    private static bool IsRandomSecret(ReadOnlySpan<char> value, in AssignedValue assignment)
    {
        value = StripScheme(value);
        if (!IsLiteral(value, assignment, randomNamesAreValues: true) || value.Length < MinSecretLength || value.ContainsAny(' ', '\t'))
        {
            return false;
        }

        if (ValueShape.IsUuid(value) || ValueShape.IsLabelledDigest(value) || LooksLikePathOrUrl(value))
        {
            return false;
        }

        if (!assignment.Quoted && !value.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        // Random keys are mostly letters and digits, with digits or three kinds of character; words, versions and regexes are not.
        int classes = ValueShape.CharacterClasses(value);
        bool hasDigit = value.ContainsAnyInRange('0', '9');
        bool hasLetter = value.ContainsAnyInRange('a', 'z') || value.ContainsAnyInRange('A', 'Z');
        if (!(classes >= 3 || (hasDigit && hasLetter)) || AlphanumericShare(value) < 0.7 || ValueShape.IsVersion(value))
        {
            return false;
        }

        return !ValueShape.NamesASecret(value) && ValueShape.Entropy(value) >= MinSecretEntropy;
    }

    // "Authorization: Bearer <token>" / "Basic <base64>": the credential is the word after the scheme.
    private static bool IsAuthorizationCredential(ReadOnlySpan<char> text, in AssignedValue assignment, ref string detector, ref string what)
    {
        ReadOnlySpan<char> value = text.Slice(assignment.ValueStart, assignment.ValueLength);
        bool basic = value.StartsWith("Basic", StringComparison.OrdinalIgnoreCase);
        if (!basic && !value.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ReadOnlySpan<char> credential;
        if (assignment.Quoted)
        {
            credential = StripScheme(value);
        }
        else
        {
            int start = SkipBlanks(text, assignment.ValueStart + assignment.ValueLength);
            int end = text[start..].IndexOfAny(BareValueStop);
            credential = end < 0 ? text[start..] : text.Slice(start, end);
        }

        var asQuoted = assignment with { Quoted = true };
        if (!IsRandomSecret(credential, asQuoted))
        {
            return false;
        }

        (detector, what) = basic ? ("basic-auth", "basic-auth credentials") : ("bearer-token", "bearer token");
        return true;
    }

    private static double AlphanumericShare(ReadOnlySpan<char> value)
    {
        int alphanumeric = 0;
        foreach (char c in value)
        {
            alphanumeric += char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        }

        return (double)alphanumeric / value.Length;
    }

    private static bool IsLiteral(ReadOnlySpan<char> value, in AssignedValue assignment, bool randomNamesAreValues)
    {
        if (value.IsEmpty || ValueShape.IsPlaceholder(value))
        {
            return false;
        }

        if (assignment.Quoted)
        {
            return true;
        }

        // Unquoted: an expression, a type, a number or a variable is not a literal, unless the line is plainly configuration.
        if (value.ContainsAny('(', '[', '{') || value[0] is '$' or '%' or '@' or '*' or '&' or '!' or ':' or '=' or '.' or '|' or '\\' or '>' || value.Contains("::", StringComparison.Ordinal) || TypeNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value))
        {
            return false;
        }

        if (!value.ContainsAnyExceptInRange('0', '9'))
        {
            return assignment.ConfigLine;
        }

        bool identifierLike = !value.ContainsAnyExcept(IdentifierChars) && !char.IsAsciiDigit(value[0]);
        if (!identifierLike)
        {
            return true;
        }

        if (value.Contains('.') || IsEnvironmentName(value))
        {
            return false;
        }

        // A long mix of letters and digits is a key even unquoted ("aws_secret_access_key = …" in an ini file), not a variable.
        if (randomNamesAreValues && value.Length >= 16 && value.ContainsAnyInRange('0', '9') && ValueShape.CharacterClasses(value) >= 3)
        {
            return true;
        }

        if (assignment.ConfigLine)
        {
            return assignment.Operator == ':' || !(assignment.SpaceBefore || assignment.SpaceAfter);
        }

        // "my password: Tr0ub4dor" in prose: after a colon, letters mixed with digits are not a variable anyone would write.
        if (assignment.Operator == ':' && value.ContainsAnyInRange('0', '9') && ValueShape.CharacterClasses(value) >= 3)
        {
            return true;
        }

        return (assignment.InConnectionString || assignment.QueryParameter) && value.ContainsAnyInRange('0', '9');
    }

    private static bool IsEnvironmentName(ReadOnlySpan<char> value) =>
        value.Length > 3 && value.Contains('_') && !value.ContainsAnyInRange('a', 'z');

    private static bool LooksLikePathOrUrl(ReadOnlySpan<char> value) =>
        value.Contains("://", StringComparison.Ordinal) || value[0] == '/' || value.StartsWith("./", StringComparison.Ordinal)
        || value.StartsWith("~/", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal)
        || (value.Contains('/') && !value.ContainsAnyInRange('A', 'Z') && !value.ContainsAny('+', '='));

    private static ReadOnlySpan<char> StripScheme(ReadOnlySpan<char> value)
    {
        foreach (string scheme in (ReadOnlySpan<string>)["Bearer ", "Basic ", "token "])
        {
            if (value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return value[scheme.Length..];
            }
        }

        return value;
    }

    private static int SkipBlanks(ReadOnlySpan<char> text, int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t')
        {
            p++;
        }

        return p;
    }
}

using System.Buffers;

namespace Router.Core.Privacy;

/// <summary>Finds secrets and personal data in request text, and private files by their path.</summary>
/// <remarks>
/// One pass finds every anchor (a provider prefix, "://", "-----BEGIN ", "eyJ") with a vectorised
/// multi-string search, and detectors run only there; a second finds assignment operators and checks the name before
/// them; a third looks at runs of digits for personal numbers, each shown only to the detectors that take its length;
/// a last one looks at runs of capitals for Italian fiscal codes, which may hold no digits at all, and Mexican CURPs.
/// Findings name the detector and the field, never the secret. Immutable after construction and safe to share.
/// </remarks>
public sealed class PrivacyScanner
{
    private static readonly string[] LockFileNames =
    [
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "poetry.lock", "pipfile.lock",
        "uv.lock", "pdm.lock", "cargo.lock", "gemfile.lock", "composer.lock", "go.sum", "packages.lock.json", "podfile.lock",
        "pubspec.lock", "mix.lock", "flake.lock", "gradle.lockfile", "package.resolved", "deno.lock", "conan.lock",
    ];

    // Longer runs share the last entry of the table of detectors by digit count; only the IBAN detector takes them.
    private const int MaxIndexedDigits = 32;

    private readonly PrivatePathGlob[] _globs;
    private readonly SearchValues<string>[] _anchorSets;
    private readonly (string Anchor, ITextDetector Detector)[][] _byFirstChar;
    private readonly INumberRunDetector[][] _numberDetectorsByDigits;
    private readonly IbanDetector _iban = new();

    /// <param name="privatePathGlobs">Patterns of files whose content is private, e.g. <c>**/.env</c>, <c>**/*.pem</c>.</param>
    public PrivacyScanner(IReadOnlyList<string> privatePathGlobs)
    {
        ArgumentNullException.ThrowIfNull(privatePathGlobs);
        _globs = [.. privatePathGlobs.Where(glob => !string.IsNullOrWhiteSpace(glob)).Select(glob => new PrivatePathGlob(glob))];

        ITextDetector[] detectors =
        [
            new PrefixedTokenDetector(),
            new PrivateKeyBlockDetector(),
            new JsonWebTokenDetector(),
            new CredentialUrlDetector(),
            new SpokenPasswordDetector(),
        ];
        INumberRunDetector[] numberDetectors =
        [
            new PaymentCardDetector(),
            new UsSocialSecurityNumberDetector(),
            new UkNationalInsuranceNumberDetector(),
            _iban,
            new GermanTaxIdDetector(),
            new FrenchSocialSecurityNumberDetector(),
            new SpanishIdentityNumberDetector(),
            new DutchCitizenServiceNumberDetector(),
            new PolishPeselDetector(),
            new BrazilianCpfDetector(),
            new BrazilianCnpjDetector(),
            new ChineseResidentIdDetector(),
            new KoreanResidentRegistrationNumberDetector(),
            new JapaneseMyNumberDetector(),
            new IndianAadhaarDetector(),
            new TurkishIdentityNumberDetector(),
            new RussianSnilsDetector(),
            new RussianInnDetector(),
            new PortugueseNifDetector(),
            new ArgentineCuitDetector(),
            new ChileanRutDetector(),
        ];
        _numberDetectorsByDigits = new INumberRunDetector[MaxIndexedDigits + 1][];
        for (int digits = 0; digits <= MaxIndexedDigits; digits++)
        {
            _numberDetectorsByDigits[digits] = [.. numberDetectors.Where(detector => detector.HandlesDigitCount(digits))];
        }

        var pairs = detectors.SelectMany(detector => detector.Anchors.Select(anchor => (Anchor: anchor, Detector: detector))).ToArray();
        // Two sets, each of anchors next to one another in sorted order: the vectorised search tells about fifty anchors
        // apart by their first characters, and in one set so many share them that it stops at most places of a text to
        // compare; sorted halves were about four times faster on 4 KB of code or prose.
        string[] anchors = [.. pairs.Select(pair => pair.Anchor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _anchorSets =
        [
            SearchValues.Create(anchors.AsSpan(0, anchors.Length / 2), StringComparison.Ordinal),
            SearchValues.Create(anchors.AsSpan(anchors.Length / 2), StringComparison.Ordinal),
        ];
        _byFirstChar = new (string, ITextDetector)[128][];
        for (int c = 0; c < 128; c++)
        {
            _byFirstChar[c] = [.. pairs.Where(pair => pair.Anchor[0] == (char)c)];
        }
    }

    /// <summary>First secret or personal datum in <paramref name="text"/>, or null.</summary>
    /// <param name="field">Where the text comes from ("text", "prefix", "suffix", "history", …), copied into the finding.</param>
    public PrivacyFinding? ScanText(string? text, string field) => ScanText(text, field, filePath: null);

    /// <summary>First secret or personal datum in <paramref name="text"/>, or null; a lock-file <paramref name="filePath"/> turns off the entropy heuristics.</summary>
    public PrivacyFinding? ScanText(string? text, string field, string? filePath)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var context = new TextScanContext(field ?? "text", IsLockFile(filePath));
        return ScanAnchors(text, context) ?? ScanAssignments(text, context) ?? ScanNumbers(text, context)
            ?? CapitalCodeScan.Find(text, context) ?? PasswordInProseDetector.Find(text, context)
            ?? SeedPhraseDetector.Find(text, context);
    }

    /// <summary>A finding when <paramref name="path"/> matches a private glob (.env, *.pem, id_rsa…), or null.</summary>
    public PrivacyFinding? ScanPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        // ".env.example" and friends are templates that hold placeholders; their text is still scanned like any other.
        if (IsTemplate(path))
        {
            return null;
        }

        Span<Range> parts = stackalloc Range[PrivatePathGlob.MaxSegments];
        parts = parts[..PrivatePathGlob.Split(path, parts)];
        foreach (PrivatePathGlob glob in _globs)
        {
            if (glob.IsMatch(path, parts))
            {
                return new PrivacyFinding("private-path", "file", $"file matches the private path pattern {glob.Pattern}");
            }
        }

        return null;
    }

    private static bool IsTemplate(string path) =>
        path.EndsWith(".example", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sample", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".template", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tmpl", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".dist", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="path"/> names a dependency lock file (package-lock.json, yarn.lock, go.sum, …).</summary>
    public static bool IsLockFile(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        ReadOnlySpan<char> name = path.AsSpan(path.AsSpan().LastIndexOfAny('/', '\\') + 1);
        foreach (string lockFile in LockFileNames)
        {
            if (name.Equals(lockFile, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return name.EndsWith(".lock", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".sum", StringComparison.OrdinalIgnoreCase);
    }

    private PrivacyFinding? ScanAnchors(ReadOnlySpan<char> text, in TextScanContext context)
    {
        // Where each set's next anchor is (-1: none left); places are taken in the order of the text, each once.
        Span<int> next = stackalloc int[_anchorSets.Length];
        for (int set = 0; set < next.Length; set++)
        {
            next[set] = IndexOfAny(text, 0, _anchorSets[set]);
        }

        while (true)
        {
            int at = -1;
            foreach (int found in next)
            {
                if (found >= 0 && (at < 0 || found < at))
                {
                    at = found;
                }
            }

            if (at < 0)
            {
                return null;
            }

            char first = text[at];
            foreach ((string anchor, ITextDetector detector) in _byFirstChar[first < 128 ? first : 0])
            {
                if (text[at..].StartsWith(anchor, StringComparison.Ordinal))
                {
                    PrivacyFinding? finding = detector.Inspect(text, at, anchor, context);
                    if (finding is not null)
                    {
                        return finding;
                    }
                }
            }

            for (int set = 0; set < next.Length; set++)
            {
                if (next[set] == at)
                {
                    next[set] = IndexOfAny(text, at + 1, _anchorSets[set]);
                }
            }
        }
    }

    private static int IndexOfAny(ReadOnlySpan<char> text, int from, SearchValues<string> anchors)
    {
        int found = text[from..].IndexOfAny(anchors);
        return found < 0 ? -1 : from + found;
    }

    // Runs after the anchored detectors so that a provider key assigned to "api_key" is reported as that provider's key.
    private static PrivacyFinding? ScanAssignments(ReadOnlySpan<char> text, in TextScanContext context)
    {
        int position = 0;
        while (position < text.Length)
        {
            int hit = text[position..].IndexOfAny(SecretAssignmentDetector.Operators);
            if (hit < 0)
            {
                return null;
            }

            int at = position + hit;
            PrivacyFinding? finding = SecretAssignmentDetector.Inspect(text, at, context);
            if (finding is not null)
            {
                return finding;
            }

            position = at + 1;
        }

        return null;
    }

    private PrivacyFinding? ScanNumbers(ReadOnlySpan<char> text, in TextScanContext context)
    {
        int position = 0;
        while (position < text.Length)
        {
            int hit = text[position..].IndexOfAnyInRange('0', '9');
            if (hit < 0)
            {
                return null;
            }

            var run = NumberRun.Read(text, position + hit);
            if (run.Digits >= 6)
            {
                foreach (INumberRunDetector detector in _numberDetectorsByDigits[Math.Min(run.Digits, MaxIndexedDigits)])
                {
                    PrivacyFinding? finding = detector.Inspect(text, run, context);
                    if (finding is not null)
                    {
                        return finding;
                    }
                }
            }
            else if (run.End - run.Start >= 2 && run.Start >= 2 && char.IsAsciiLetterUpper(text[run.Start - 1]))
            {
                // IBANs whose first group holds only the check digits ("GB82 WEST …").
                PrivacyFinding? finding = _iban.Inspect(text, run, context);
                if (finding is not null)
                {
                    return finding;
                }
            }

            position = run.End;
        }

        return null;
    }
}

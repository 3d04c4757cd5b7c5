using System.Globalization;
using System.Text;

namespace Router.Core.Tests.Tokens;

/// <summary>Deterministic text of many kinds for checking a tokenizer against another: every script an editor shows,
/// code in the languages developers send, and the cases cl100k's split pattern treats apart (whitespace runs, digit runs,
/// contractions, combining marks, emoji sequences).</summary>
internal sealed class TokenizerSampleText
{
    private const string Latin = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžłđệữĀāŒŠŽ";
    private const string Cyrillic = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґІЇЄҐўЎ";
    private const string Greek = "αβγδεζηθικλμνξοπρσςτυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩάέήίόύώΆΈΉΊΌΎΏϊϋΐΰ";
    private const string Arabic = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةىپچژگ";
    private const string ArabicMarks = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652";
    private const string Hebrew = "אבגדהוזחטיכלמנסעפצקרשתךםןףץ";
    private const string HebrewMarks = "\u05B0\u05B4\u05B5\u05B6\u05B7\u05B8\u05B9\u05BB\u05BC";
    private const string Devanagari = "अआइईउऊएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह";
    private const string DevanagariSigns = "\u093E\u093F\u0940\u0941\u0942\u0947\u0948\u094B\u094C\u0902\u0903\u094D";
    private const string Thai = "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะาำเแโใไ";
    private const string ThaiSigns = "\u0E31\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E47\u0E48\u0E49\u0E4A\u0E4B\u0E4C";
    private const string Han = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴置";
    private const string Hiragana = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゃゅょっ";
    private const string Katakana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポャュョッー";
    private const string CjkPunctuation = "。、「」『』（）！？：；・…〜【】";
    private const string Punctuation = ".,;:!?()[]{}<>=+-*/\\_#@$%^&|~`\"'«»—–…·•→←✓€£¥§¶°±×÷";
    private const string Digits = "0123456789";
    private const string OtherDigits = "٠١٢٣٤٥٦٧٨٩०१२३४५६७८९๐๑๒๓๔๕๖๗๘๙０１２３４５６７８９½¼²³";

    private static readonly string[] Emoji =
    [
        "😀", "😂", "🥲", "😍", "🤔", "🙏", "👍", "👍🏽", "👋🏿", "🚀", "🔥", "✨", "❤️", "❤", "✅", "❌", "⚠️", "🎉", "🐛",
        "👨‍💻", "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇸", "🇯🇵", "🇩🇪", "1️⃣", "#️⃣", "©️", "🫠", "🧑🏻‍🔬", "☕", "⭐", "🌍", "📦",
    ];

    private static readonly string[] Contractions = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "'VE", "'M", "'LL", "'D", "'Re", "'lL", "’s", "’ll", "'"];

    private static readonly string[] Whitespace = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\r", "\u00A0", "\u3000", "\u2003", "\u2009", "\u202F", "\v", "\f", "\u0085", "\u2028"];

    private static readonly string[] CSharp =
    [
        "namespace {Id}.{Id};\n\npublic sealed class {Id}Service\n{\n    private readonly I{Id} _{id};\n\n    public async Task<int> {Id}Async(string {id}, CancellationToken ct)\n    {\n        if ({id} is null) throw new ArgumentNullException(nameof({id}));\n        return await _{id}.CountAsync({id}, ct).ConfigureAwait(false) + {num};\n    }\n}\n",
        "var {id} = new Dictionary<string, List<int>>(StringComparer.Ordinal) { [\"{str}\"] = [{num}, {num}] };\n",
        "    [Fact]\n    public void {Id}_returns_{id}_when_{id}() => Assert.Equal({num}, {Id}.{Id}(\"{str}\"));\r\n",
        "#if DEBUG\n\t// TODO({id}): {str}\n#endif\nstring s = $\"{{{id}}} is {{{id}:N2}}\";\n",
    ];

    private static readonly string[] Python =
    [
        "def {id}({id}: int, *args, **kwargs) -> list[str]:\n    \"\"\"{str}\"\"\"\n    return [f\"{{{id}}}\" for {id} in range({num}) if {id} % 2 == 0]\n",
        "class {Id}({Id}):\n    def __init__(self, {id}=None):\n        self._{id} = {id} or {}\n\n    @property\n    def {id}(self): return self._{id}\n",
        "import numpy as np\n{id} = np.array([{num}, {num}.5, -{num}e-3])  # {str}\nprint({id}[::-1], end='')\n",
        "    with open('{id}.txt', encoding=\"utf-8\") as f:\n        for line in f:\n            yield line.rstrip()\n",
    ];

    private static readonly string[] JavaScript =
    [
        "const {id} = async ({id}, {id} = {}) => {\n  const res = await fetch(`/api/{id}/${{{id}}}`);\n  return res.ok ? res.json() : null;\n};\n",
        "export default function {Id}({ {id}, {id} }) {\n  return <div className=\"{id}\">{{id}?.{id} ?? '{str}'}</div>;\n}\n",
        "let {id} = [{num}, {num}].map((x) => x * 2).filter(Boolean); // {str}\n",
        "if ({id} === undefined || {id} !== null) { throw new Error('{str}'); }\n",
    ];

    private static readonly string[] Rust =
    [
        "fn {id}<'a, T: Clone>({id}: &'a [T]) -> Result<Vec<T>, Box<dyn std::error::Error>> {\n    let mut {id} = Vec::with_capacity({num});\n    {id}.extend_from_slice({id});\n    Ok({id})\n}\n",
        "#[derive(Debug, Clone, PartialEq)]\npub struct {Id} { pub {id}: u64, {id}: Option<String> }\n",
        "impl {Id} for {Id} {\n    fn {id}(&self) -> &'static str { \"{str}\" }\n}\n",
        "match {id} {\n    Some(x) if x > {num} => println!(\"{}\", x),\n    _ => unreachable!(),\n}\n",
    ];

    private static readonly string[] Go =
    [
        "func ({id} *{Id}) {Id}(ctx context.Context, {id} string) (int, error) {\n\tif err := {id}.{id}(ctx); err != nil {\n\t\treturn 0, fmt.Errorf(\"{str}: %w\", err)\n\t}\n\treturn {num}, nil\n}\n",
        "package {id}\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\ntype {Id} struct {\n\t{Id} int `json:\"{id},omitempty\"`\n}\n",
        "for i := 0; i < {num}; i++ {\n\t{id} = append({id}, i)\n}\n",
    ];

    private static readonly string[] Json =
    [
        "{\"{id}\": {num}, \"{id}\": \"{str}\", \"{id}\": [true, false, null, -{num}.{num}e+10], \"{id}\": {\"{id}\": {}}}",
        "[\n  {\n    \"id\": {num},\n    \"name\": \"{str}\",\n    \"tags\": [\"{id}\", \"{id}\"]\n  }\n]\n",
        "{\"jsonrpc\":\"2.0\",\"id\":{num},\"method\":\"textDocument/inlineCompletion\",\"params\":{\"position\":{\"line\":{num},\"character\":{num}}}}",
    ];

    private static readonly string[] Yaml =
    [
        "{id}:\n  {id}: {num}\n  {id}: \"{str}\"\n  {id}:\n    - {id}\n    - {num}.{num}\n    - {id}: true\n",
        "---\n# {str}\n{id}: &{id}\n  image: {id}/{id}:{num}.{num}\n  ports: [\"{num}:{num}\"]\n  env: |\n    {Id}={str}\n...\n",
        "tiers:\n  - name: {id}\n    models: [{id}-{num}b, {id}:latest]\n    max_tokens: {num}\n",
    ];

    private static readonly (string Name, string[] Snippets)[] Code =
    [
        ("C#", CSharp), ("Python", Python), ("JavaScript", JavaScript), ("Rust", Rust), ("Go", Go), ("JSON", Json), ("YAML", Yaml),
    ];

    private readonly Random _random;

    public TokenizerSampleText(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>The kinds of text, each generated in turn, so that every kind gets the same share of the samples.</summary>
    /// <remarks>Letters and digits outside the Basic Multilingual Plane (𝐀, 𝟘, 𠮷) are left out: .NET Regex, which the
    /// reference splits text with, sees each half of their surrogate pair as a symbol where tiktoken sees a letter or a
    /// digit. Emoji, symbols on both sides, are in. The tiktoken golden file covers those letters.</remarks>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Thai", "CJK", "Hangul", "emoji", "combining marks",
        "mixed scripts", "C#", "Python", "JavaScript", "Rust", "Go", "JSON", "YAML",
        "whitespace runs", "digit runs", "contractions", "random characters",
    ];

    /// <summary>The next text of kind <paramref name="kind"/>; now and then a long one, to reach long-line handling.</summary>
    public string Next(string kind)
    {
        int length = _random.Next(100) switch
        {
            < 3 => _random.Next(1_000, 5_000),
            < 20 => _random.Next(150, 1_000),
            _ => _random.Next(1, 150),
        };
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            AppendPart(kind, text);
        }

        // Cut at a random place, now and then: text sent to a model is often cut mid-word or mid-sequence.
        string whole = text.ToString();
        return _random.Next(4) == 0 && whole.Length > 1 ? whole[..Cut(whole, _random.Next(1, whole.Length))] : whole;
    }

    private void AppendPart(string kind, StringBuilder text)
    {
        switch (kind)
        {
            case "Latin": AppendWords(text, Latin, ""); break;
            case "Cyrillic": AppendWords(text, Cyrillic, ""); break;
            case "Greek": AppendWords(text, Greek, ""); break;
            case "Arabic": AppendWords(text, Arabic, ArabicMarks); break;
            case "Hebrew": AppendWords(text, Hebrew, HebrewMarks); break;
            case "Devanagari": AppendWords(text, Devanagari, DevanagariSigns); break;
            case "Thai": AppendRun(text, Thai + ThaiSigns, Pick(" ", "", "", "\n", "ๆ ", ".")); break;
            case "CJK": AppendRun(text, Pick(Han, Han, Hiragana, Katakana), Pick("", "", CjkPunctuation[_random.Next(CjkPunctuation.Length)].ToString(), "\u3000", " ", "\n")); break;
            case "Hangul": AppendHangul(text); break;
            case "emoji": text.Append(Pick(Emoji)).Append(Pick("", "", " ", "\n", Pick(Emoji), Word(Latin, ""), "!")); break;
            case "combining marks": AppendCombining(text); break;
            case "mixed scripts": AppendMixed(text); break;
            case "whitespace runs": AppendWhitespaceRun(text); break;
            case "digit runs": AppendDigits(text); break;
            case "contractions": AppendContraction(text); break;
            case "random characters": text.Append(RandomCharacter()); break;
            default: AppendCode(kind, text); break;
        }
    }

    private void AppendWords(StringBuilder text, string letters, string marks)
    {
        text.Append(Word(letters, marks));
        text.Append(Pick(" ", " ", " ", " ", ", ", ". ", "\n", "  ", "-", "", "! ", "? ", ": ", "\n\n", " (", ") ", "1", " 2024"));
    }

    private string Word(string letters, string marks)
    {
        var word = new StringBuilder();
        int length = _random.Next(1, 12);
        for (int i = 0; i < length; i++)
        {
            word.Append(letters[_random.Next(letters.Length)]);
            if (marks.Length > 0 && _random.Next(3) == 0)
            {
                word.Append(marks[_random.Next(marks.Length)]);
            }
        }

        return word.ToString();
    }

    private void AppendRun(StringBuilder text, string letters, string separator)
    {
        for (int i = _random.Next(1, 16); i > 0; i--)
        {
            text.Append(letters[_random.Next(letters.Length)]);
        }

        text.Append(separator);
    }

    private void AppendHangul(StringBuilder text)
    {
        for (int i = _random.Next(1, 6); i > 0; i--)
        {
            // Precomposed syllables, and now and then a lone jamo.
            text.Append(_random.Next(20) == 0 ? (char)_random.Next(0x1100, 0x1113) : (char)_random.Next(0xAC00, 0xD7A4));
        }

        text.Append(Pick(" ", " ", ". ", "\n", "", "요? ", ", "));
    }

    private void AppendCombining(StringBuilder text)
    {
        // Marks after letters, after digits, after spaces and at the very start: \p{M} is neither a letter nor a digit.
        text.Append(Pick("e", "a", "o", "n", "Z", "7", " ", "", "\n", "ก", "क", "ا", "(", "x"));
        for (int i = _random.Next(1, 5); i > 0; i--)
        {
            text.Append((char)_random.Next(0x0300, 0x0370));
        }

        text.Append(Pick("", "", " ", "b", "\u200D", "\uFE0F", "\u20DD"));
    }

    private void AppendMixed(StringBuilder text)
    {
        string letters = Pick(Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Han, Hiragana, Katakana);
        text.Append(Word(letters, ""));
        text.Append(Pick("", "", " ", "_", "-", "1", "123", "'s", "\n", Pick(Emoji), "\u200B", "\u00AD"));
        text.Append(Pick("", "", " ", Punctuation[_random.Next(Punctuation.Length)].ToString()));
    }

    private void AppendCode(string language, StringBuilder text)
    {
        string[] snippets = Code.First(code => code.Name == language).Snippets;
        string snippet = Fill(Pick(snippets));
        // Part of a snippet as often as the whole: editor requests cut code at the cursor and at the window's edges.
        if (_random.Next(2) == 0)
        {
            int start = Cut(snippet, _random.Next(snippet.Length));
            snippet = snippet[start..Cut(snippet, Math.Min(snippet.Length, start + _random.Next(1, 200)))];
        }

        if (_random.Next(5) == 0)
        {
            snippet = snippet.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        if (_random.Next(5) == 0)
        {
            snippet = snippet.Replace("    ", "\t", StringComparison.Ordinal);
        }

        text.Append(snippet);
    }

    /// <summary><paramref name="at"/>, or the place just before it when it would split a surrogate pair: a lone half is not
    /// text (tiktoken reads it as U+FFFD, the reference as its three-byte form).</summary>
    private static int Cut(string text, int at) => at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at;

    private string Fill(string snippet)
    {
        var filled = new StringBuilder(snippet.Length * 2);
        for (int i = 0; i < snippet.Length; i++)
        {
            if (Placeholder(snippet, i, "{id}"))
            {
                filled.Append(Identifier(capitalized: false));
                i += 3;
            }
            else if (Placeholder(snippet, i, "{Id}"))
            {
                filled.Append(Identifier(capitalized: true));
                i += 3;
            }
            else if (Placeholder(snippet, i, "{num}"))
            {
                filled.Append(Number());
                i += 4;
            }
            else if (Placeholder(snippet, i, "{str}"))
            {
                filled.Append(StringLiteralText());
                i += 4;
            }
            else
            {
                filled.Append(snippet[i]);
            }
        }

        return filled.ToString();
    }

    private static bool Placeholder(string snippet, int at, string name) => string.CompareOrdinal(snippet, at, name, 0, name.Length) == 0;

    private string Identifier(bool capitalized)
    {
        string[] parts = ["user", "id", "count", "http", "Client", "request", "x", "i", "tmp", "Async", "json", "URL", "v2", "data", "router", "token", "_", "Ω"];
        var identifier = new StringBuilder();
        for (int i = _random.Next(1, 4); i > 0; i--)
        {
            string part = Pick(parts);
            identifier.Append(_random.Next(3) switch
            {
                0 => part.ToUpperInvariant(),
                1 when identifier.Length > 0 => "_" + part,
                _ => char.ToUpperInvariant(part[0]) + part[1..],
            });
        }

        string name = identifier.ToString();
        return capitalized ? char.ToUpperInvariant(name[0]) + name[1..] : char.ToLowerInvariant(name[0]) + name[1..];
    }

    private string Number() => _random.Next(4) switch
    {
        0 => _random.Next(10).ToString(CultureInfo.InvariantCulture),
        1 => _random.Next(1_000_000).ToString(CultureInfo.InvariantCulture),
        2 => "0x" + _random.Next().ToString("X", CultureInfo.InvariantCulture),
        _ => _random.NextInt64().ToString(CultureInfo.InvariantCulture),
    };

    private string StringLiteralText() => _random.Next(4) switch
    {
        0 => Word(Latin, "") + " " + Word(Latin, ""),
        1 => Word(Pick(Cyrillic, Han, Greek, Hiragana), ""),
        2 => "it's " + Word(Latin, "") + Pick(Emoji),
        _ => "",
    };

    private void AppendWhitespaceRun(StringBuilder text)
    {
        for (int i = _random.Next(1, _random.Next(2) == 0 ? 4 : 60); i > 0; i--)
        {
            text.Append(Pick(Whitespace));
        }

        text.Append(Pick("word", "x", "1", "{", "}", "//", "#", "é", "中", "", "'s", Pick(Emoji)));
    }

    private void AppendDigits(StringBuilder text)
    {
        string digits = _random.Next(4) == 0 ? OtherDigits : Digits;
        for (int i = _random.Next(1, _random.Next(3) == 0 ? 300 : 12); i > 0; i--)
        {
            text.Append(digits[_random.Next(digits.Length)]);
        }

        text.Append(Pick("", " ", ".", ",", "e", "px", "%", "\n", "-", ":", "abc", " 000", "_"));
    }

    private void AppendContraction(StringBuilder text)
    {
        text.Append(Pick("I", "we", "you", "they", "It", "THEY", "don", "isn", "", " ", "\n", "O", "rock 'n", "1", "é", "Ж"));
        text.Append(Pick(Contractions));
        text.Append(Pick(" ", " ", "", "s", "t", "re", "ll", "'s", "\n", ".", "ve been", "d've"));
    }

    private string RandomCharacter()
    {
        int codePoint = _random.Next(3) switch
        {
            0 => _random.Next(0x20, 0x7F),
            1 => _random.Next(0xA0, 0x3000),
            _ => _random.Next(0x3000, 0x10000),
        };

        // Surrogate halves are not characters alone.
        return codePoint is >= 0xD800 and <= 0xDFFF ? " " : char.ConvertFromUtf32(codePoint);
    }

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];
}

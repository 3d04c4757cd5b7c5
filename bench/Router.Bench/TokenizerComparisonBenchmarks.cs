using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;
using Router.Core.Tokens;

namespace Router.Bench;

/// <summary>The project's cl100k counter beside Microsoft.ML.Tokenizers' <see cref="TiktokenTokenizer"/>, both counting
/// 4 KB texts they have not seen: each call takes the next of 16,384 variants with a new number every 32 to 64 characters,
/// so lines and chunks seldom repeat (words still do, as they do across an editor's requests).</summary>
[MemoryDiagnoser]
public class TokenizerComparisonBenchmarks
{
    // Enough variants that the counter's line cache (32,768 slots, which stops growing when full) holds about a tenth of
    // their chunks while the benchmark cycles through them.
    private const int Variants = 16_384;

    private readonly TiktokenTokenizer _tiktoken = TiktokenTokenizer.CreateForEncoding("cl100k_base");
    private string[] _texts = [];
    private int _next;

    [Params("code", "prose", "zh", "ru")]
    public string Kind { get; set; } = "code";

    [GlobalSetup]
    public void Setup()
    {
        string text = Kind is "code" or "prose" ? BenchmarkRequest.Text(Kind) : BenchmarkRequest.Chat4K(Kind);
        _texts = new string[Variants];
        for (int variant = 0; variant < Variants; variant++)
        {
            _texts[variant] = WithNewNumbers(text, variant);
        }

        // The two must agree before their speed means anything; this also loads both rank tables outside the measurement.
        foreach (string variant in _texts.Take(200))
        {
            int ours = TokenCounter.Default.Count(variant);
            int theirs = _tiktoken.CountTokens(variant);
            if (ours != theirs)
            {
                throw new InvalidOperationException($"{Kind}: Router.Core counts {ours} tokens, TiktokenTokenizer {theirs}.");
            }
        }
    }

    [Benchmark]
    public int RouterCoreNewText() => TokenCounter.Default.Count(NextText());

    [Benchmark(Baseline = true)]
    public int TiktokenTokenizerNewText() => _tiktoken.CountTokens(NextText());

    /// <summary><paramref name="text"/> with a number of its own put in every 32 to 64 characters (before a space, a line
    /// break or a CJK character), so that no line or chunk of it is in the counter's caches from another variant.</summary>
    private static string WithNewNumbers(string text, int variant)
    {
        // The places move from one variant to the next, so runs of CJK characters (one piece each, up to a space or a
        // punctuation mark) are cut differently each time; a word of a spaced script is only ever cut whole.
        var random = new Random(variant);
        var builder = new StringBuilder(text.Length + text.Length / 8);
        int sinceNumber = random.Next(64);
        int number = variant * 1_000;
        foreach (char c in text)
        {
            if (sinceNumber >= 64 && (c is ' ' or '\n' || (c >= '\u2E80' && !char.IsSurrogate(c))))
            {
                builder.Append(' ').Append((number++).ToString(CultureInfo.InvariantCulture));
                sinceNumber = random.Next(32);
            }

            builder.Append(c);
            sinceNumber++;
        }

        return builder.ToString();
    }

    private string NextText()
    {
        string text = _texts[_next];
        _next = (_next + 1) % _texts.Length;
        return text;
    }
}

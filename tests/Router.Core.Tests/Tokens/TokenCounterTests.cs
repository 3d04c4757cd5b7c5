using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Router.Core.Tokens;

namespace Router.Core.Tests.Tokens;

public sealed class TokenCounterTests
{
    public static TheoryData<string> GoldenNames() => [.. Golden.Value.Keys];

    [Fact]
    public void Empty_text_has_no_tokens() => Assert.Equal(0, TokenCounter.Default.Count(string.Empty));

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Count_and_ids_match_tiktoken_cl100k_reference(string name)
    {
        (string text, int[] expectedIds) = Golden.Value[name];

        Assert.Equal(expectedIds, TokenCounter.Default.Encode(text));
        Assert.Equal(expectedIds.Length, TokenCounter.Default.Count(text));
    }

    [Fact]
    public void Common_words_are_single_tokens_with_the_cl100k_ids()
    {
        Assert.Equal([15339, 1917], TokenCounter.Default.Encode("hello world"));
    }

    [Fact]
    public void Count_is_not_characters_divided_by_four()
    {
        string repeatedWord = string.Concat(Enumerable.Repeat(" the", 400));

        Assert.Equal(400, TokenCounter.Default.Count(repeatedWord));
    }

    [Fact]
    public void Random_text_matches_a_naive_reference_encoder()
    {
        // BMP only: the reference splits with .NET Regex, which sees surrogate halves as separate characters.
        string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "     \t\n\n\r'\"'.,;:!?()[]{}<>=+-*/\\_#@$%^&|~`"
            + "éüßçñøåЖжΩλ中文字日本語한국٣٤½€£¥—…\u00a0\u3000";
        var random = new Random(20_261_121);
        for (int sample = 0; sample < 300; sample++)
        {
            int length = sample % 10 == 0 ? random.Next(150, 400) : random.Next(1, 80);
            var builder = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string text = builder.ToString();
            List<int> expected = NaiveBytePairEncoder.Cl100k.Encode(text);

            Assert.True(
                expected.SequenceEqual(TokenCounter.Default.Encode(text)),
                $"sample {sample} differs from the reference: {JsonSerializer.Serialize(text)}");
            Assert.Equal(expected.Count, TokenCounter.Default.Count(text));
        }
    }

    [Fact]
    public void Long_runs_without_a_split_merge_like_the_reference()
    {
        var random = new Random(7);
        string letters = string.Concat(Enumerable.Range(0, 600).Select(_ => (char)('a' + random.Next(4))));
        string punctuation = string.Concat(Enumerable.Range(0, 500).Select(_ => "=-*#"[random.Next(4)]));

        Assert.Equal(NaiveBytePairEncoder.Cl100k.Encode(letters), TokenCounter.Default.Encode(letters));
        Assert.Equal(NaiveBytePairEncoder.Cl100k.Encode(punctuation), TokenCounter.Default.Encode(punctuation));
    }

    [Fact]
    public void Counting_the_same_text_again_gives_the_same_count()
    {
        (string text, int[] ids) = Golden.Value["long-identifier"];

        int first = TokenCounter.Default.Count(text);
        int second = TokenCounter.Default.Count(text);

        Assert.Equal(ids.Length, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Text_cut_at_chunk_ends_encodes_to_the_same_ids_piece_by_piece()
    {
        // Counting caches line and word-boundary chunks: the ids of the chunks, one after another, must be the text's.
        foreach (string text in ChunkSamples())
        {
            List<int> pieced = [];
            for (int start = 0; start < text.Length;)
            {
                int end = TokenCounter.ChunkEnd(text, start);
                Assert.True(end > start, "a chunk is never empty");
                pieced.AddRange(TokenCounter.Default.Encode(text[start..end]));
                start = end;
            }

            Assert.True(
                NaiveBytePairEncoder.Cl100k.Encode(text).SequenceEqual(pieced),
                $"chunks of {JsonSerializer.Serialize(text)} encode differently from the whole text");
        }
    }

    [Fact]
    public void Chunk_ends_are_the_first_line_start_or_the_first_word_end_past_the_chunk_length()
    {
        // The rule written out plainly: the first place after a line break where a character other than whitespace
        // follows, or the text's end; but a space after an ASCII letter at least 256 characters in, if one comes before.
        static int Plain(string text, int start)
        {
            int end = text.Length;
            for (int i = start; i < text.Length; i++)
            {
                if (text[i] == '\n' && (i + 1 == text.Length || !char.IsWhiteSpace(text[i + 1])))
                {
                    end = i + 1;
                    break;
                }
            }

            for (int i = start + 256; i < end - 1; i++)
            {
                if (text[i] == ' ' && char.IsAsciiLetter(text[i - 1]))
                {
                    return i;
                }
            }

            return end;
        }

        string[] parts = ["word", " ", "  ", "\n", "\n    ", "\n\t", "\n\n", "x", ".", "\u00A0", "\n\u2003", "(", "é "];
        var random = new Random(20261124);
        for (int sample = 0; sample < 3000; sample++)
        {
            // Half the samples leave out the line breaks, so that long lines end in every way too.
            int kinds = random.Next(2) == 0 ? parts.Length : 3;
            var text = new StringBuilder();
            for (int i = random.Next(1, 400); i > 0; i--)
            {
                text.Append(parts[random.Next(kinds)]);
            }

            string value = text.ToString();
            for (int start = 0; start < value.Length; start = Plain(value, start))
            {
                Assert.Equal(Plain(value, start), TokenCounter.ChunkEnd(value, start));
            }
        }
    }

    [Fact]
    public void Counts_of_multi_line_text_stay_exact_when_its_lines_are_counted_again()
    {
        foreach (string text in ChunkSamples())
        {
            int expected = NaiveBytePairEncoder.Cl100k.Encode(text).Count;

            Assert.Equal(expected, TokenCounter.Default.Count(text));
            Assert.Equal(expected, TokenCounter.Default.Count(text));
            // The same lines inside a longer text: each line's cached count must still fit its new neighbours.
            Assert.Equal(
                NaiveBytePairEncoder.Cl100k.Encode("x" + text + " y").Count,
                TokenCounter.Default.Count("x" + text + " y"));
        }
    }

    private static IEnumerable<string> ChunkSamples()
    {
        string paragraph = string.Join(' ', Enumerable.Repeat("The nightly job's report isn't ready; it'll retry at 03:00 (UTC).", 12));
        yield return paragraph;
        yield return "public void Run()\n{\n    var x = 1;\n\n\tif (x == 1) { return; }\n}\n";
        yield return "line one\r\nline two\r\n\r\n  indented\n \n\nlast";
        yield return "ends with breaks\n\n\n";
        yield return "word\n\u00a0non-breaking\u3000space\nnext";
        yield return string.Join('\n', Enumerable.Repeat("émigré naïve café façade — déjà vu; 中文 words and more words here", 20));
        yield return "Iñtërnâtiônàl 'll 's 're " + new string('a', 300) + " tail";

        var random = new Random(20_261_122);
        string[] words = ["the", "I'll", "we're", "foo_bar", "x", "= ", "{", "}", ";", "12345", "é", "中", "\t", "  ", "'s", "→"];
        string[] breaks = [" ", " ", " ", "\n", "\r\n", "\n\n", "\n    ", " \n", "\t"];
        for (int sample = 0; sample < 60; sample++)
        {
            var builder = new StringBuilder();
            int length = random.Next(50, 900);
            while (builder.Length < length)
            {
                builder.Append(words[random.Next(words.Length)]).Append(breaks[random.Next(breaks.Length)]);
            }

            yield return builder.ToString();
        }
    }

    [Fact]
    public void Counting_is_safe_from_many_threads()
    {
        string text = Golden.Value["csharp"].Text;
        int expected = Golden.Value["csharp"].Ids.Length;

        int[] counts = new int[64];
        Parallel.For(0, counts.Length, i => counts[i] = TokenCounter.Default.Count(text));

        Assert.All(counts, count => Assert.Equal(expected, count));
    }

    private static readonly Lazy<Dictionary<string, (string Text, int[] Ids)>> Golden = new(LoadGolden);

    private static Dictionary<string, (string Text, int[] Ids)> LoadGolden()
    {
        var golden = new Dictionary<string, (string, int[])>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(SourceDirectory(), "cl100k_golden.jsonl")))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            golden.Add(
                root.GetProperty("name").GetString()!,
                (root.GetProperty("text").GetString()!, [.. root.GetProperty("ids").EnumerateArray().Select(id => id.GetInt32())]));
        }

        return golden;
    }

    // The golden file sits next to this source file; it was generated by generate-cl100k-golden.js with npm "tiktoken".
    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

using System.Text;
using System.Text.Json;
using Router.Core.Tokens;

namespace Router.Core.Tests.Tokens;

public sealed class Cl100kPieceSplitterTests
{
    [Fact]
    public void Pieces_are_the_ones_the_cl100k_pattern_splits_off()
    {
        // Runs of one kind of character, as in real text. Mostly ASCII, as code is, with characters outside it often enough
        // that the ASCII path hands over mid-run: a letter run that goes on in "é", whitespace that goes on in a no-break
        // space. (No long s: see the case below.)
        string[] kinds = ["abcXYZs", "tlrevmd", "0123456789", "  \t", "\n\r\v\f", ".,;:()+-=\"_\0", "'", "éüßΩ中٣½€—\u00a0\u3000"];
        var random = new Random(20_261_122);
        for (int sample = 0; sample < 20_000; sample++)
        {
            var builder = new StringBuilder();
            for (int run = random.Next(1, 8); run > 0; run--)
            {
                string kind = kinds[random.Next(kinds.Length)];
                for (int i = random.Next(1, 6); i > 0; i--)
                {
                    builder.Append(kind[random.Next(kind.Length)]);
                }
            }

            string text = builder.ToString();
            List<string> expected = [.. NaiveBytePairEncoder.Pieces(text)];
            List<string> actual = Split(text);
            Assert.True(
                expected.SequenceEqual(actual),
                $"sample {sample} splits unlike the pattern: {JsonSerializer.Serialize(text)}: {JsonSerializer.Serialize(actual)}, not {JsonSerializer.Serialize(expected)}");
        }
    }

    [Theory]
    [InlineData("    return x;", new[] { "   ", " return", " x", ";" })]
    [InlineData("don't stop", new[] { "don", "'t", " stop" })]
    [InlineData("'relay'", new[] { "'re", "lay", "'" })]
    [InlineData("x  \n\n  y", new[] { "x", "  \n\n", " ", " y" })]
    [InlineData("1234567", new[] { "123", "456", "7" })]
    [InlineData("a+=b;\n", new[] { "a", "+=", "b", ";\n" })]
    [InlineData("café au lait", new[] { "café", " au", " lait" })]
    [InlineData("x\u00a0\u00a0y", new[] { "x", "\u00a0", "\u00a0y" })]

    // tiktoken's (?i) folds case the Unicode way, so its 's also matches an apostrophe and a long s (U+017F); .NET's regex,
    // the reference above, does not.
    [InlineData("'\u017f\u4e2d", new[] { "'\u017f", "\u4e2d" })]
    public void Common_shapes_of_code_and_prose_split_as_tiktoken_splits_them(string text, string[] pieces) =>
        Assert.Equal(pieces, Split(text));

    [Fact]
    public void Packed_characters_are_given_exactly_for_ASCII_pieces()
    {
        var random = new Random(11);
        string alphabet = "abcXYZ019 \t\n'.;(){}_\0é\u00a0";
        for (int sample = 0; sample < 5_000; sample++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            for (int start = 0; start < text.Length;)
            {
                int end = Cl100kPieceSplitter.PieceEnd(text, start, out ulong asciiChars);
                ReadOnlySpan<char> piece = text.AsSpan(start, end - start);

                // Zero is always allowed (the counter then packs the piece itself); anything else must be the piece.
                if (asciiChars != 0 && piece.Length <= ShortPieceCountCache.MaxLength)
                {
                    Assert.Equal(ShortPieceCountCache.Pack(piece), asciiChars);
                }

                start = end;
            }
        }
    }

    private static List<string> Split(string text)
    {
        var pieces = new List<string>();
        for (int start = 0; start < text.Length;)
        {
            int end = Cl100kPieceSplitter.PieceEnd(text, start);
            Assert.True(end > start, $"no progress at {start} in {JsonSerializer.Serialize(text)}");
            Assert.Equal(end, Cl100kPieceSplitter.PieceEnd(text, start, out _));
            pieces.Add(text[start..end]);
            start = end;
        }

        return pieces;
    }
}

using System.Text;
using Router.Lsp.Documents;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Documents;

/// <summary>Applies random incremental edits through the document store and, independently, to a plain string;
/// the two must always agree.</summary>
public sealed class RandomEditTests
{
    private static readonly string[] Pieces = ["a", "bc", " ", "\n", "\r\n", "\r", "😀", "é", "€", "{", "}", "\t"];

    [Theory]
    [InlineData(1, PositionEncodingKind.Utf16)]
    [InlineData(2, PositionEncodingKind.Utf16)]
    [InlineData(3, PositionEncodingKind.Utf8)]
    [InlineData(4, PositionEncodingKind.Utf8)]
    public void Random_incremental_edits_match_a_reference_string(int seed, string encodingKind)
    {
        PositionEncoding encoding = encodingKind == PositionEncodingKind.Utf8 ? PositionEncoding.Utf8 : PositionEncoding.Utf16;
        Random random = new(seed);
        string reference = RandomText(random, 20);
        DocumentStore store = new() { Encoding = encoding };
        store.Open(new TextDocumentItem("file:///r.txt", "plaintext", 0, reference));

        for (int version = 1; version <= 400; version++)
        {
            List<int> boundaries = Boundaries(reference);
            int a = boundaries[random.Next(boundaries.Count)];
            int b = boundaries[random.Next(boundaries.Count)];
            (int start, int end) = a <= b ? (a, b) : (b, a);
            string insert = RandomText(random, random.Next(0, 4));
            Range range = new(ReferencePosition(reference, start, encoding), ReferencePosition(reference, end, encoding));

            Assert.True(store.Change(new VersionedTextDocumentIdentifier("file:///r.txt", version), [new TextDocumentContentChangeEvent(insert, range)]));
            reference = reference[..start] + insert + reference[end..];

            Assert.True(store.TryGet("file:///r.txt", out TextDocument? document));
            Assert.Equal(reference, document.Text);
        }
    }

    private static string RandomText(Random random, int pieces)
    {
        StringBuilder text = new();
        for (int i = 0; i < pieces; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    /// <summary>Offsets a client can address: not inside a surrogate pair and not between CR and LF.</summary>
    private static List<int> Boundaries(string text)
    {
        List<int> result = [];
        for (int i = 0; i <= text.Length; i++)
        {
            bool insidePair = i > 0 && i < text.Length && char.IsHighSurrogate(text[i - 1]) && char.IsLowSurrogate(text[i]);
            bool insideCrLf = i > 0 && i < text.Length && text[i - 1] == '\r' && text[i] == '\n';
            if (!insidePair && !insideCrLf)
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>An independent, deliberately naive position computation: scan from the start, counting line breaks
    /// and the encoding's units.</summary>
    private static Position ReferencePosition(string text, int offset, PositionEncoding encoding)
    {
        int line = 0;
        int character = 0;
        int i = 0;
        while (i < offset)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                line++;
                character = 0;
                i += 2;
            }
            else if (text[i] is '\r' or '\n')
            {
                line++;
                character = 0;
                i++;
            }
            else
            {
                int length = char.IsHighSurrogate(text[i]) ? 2 : 1;
                character += encoding == PositionEncoding.Utf16 ? length : Encoding.UTF8.GetByteCount(text.AsSpan(i, length));
                i += length;
            }
        }

        return new Position(line, character);
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Router.Core.Tests.Tokens;

/// <summary>
/// A deliberately simple cl100k_base encoder to check the fast one against: .NET Regex for the split
/// (exact for text without surrogate pairs) and a textbook merge loop over a dictionary.
/// </summary>
internal sealed partial class NaiveBytePairEncoder
{
    private readonly Dictionary<string, int> _ranks;

    private NaiveBytePairEncoder(Dictionary<string, int> ranks)
    {
        _ranks = ranks;
    }

    public static NaiveBytePairEncoder Cl100k { get; } = Load();

    /// <summary>cl100k's pieces of <paramref name="text"/>, split by the pattern itself.</summary>
    public static IEnumerable<string> Pieces(string text) => Cl100kPattern().Matches(text).Select(match => match.Value);

    public List<int> Encode(string text)
    {
        var ids = new List<int>();
        foreach (Match piece in Cl100kPattern().Matches(text))
        {
            // Latin-1 maps each byte to one char, so a byte string is a dictionary key.
            var parts = Encoding.UTF8.GetBytes(piece.Value).Select(b => ((char)b).ToString()).ToList();
            while (parts.Count > 1)
            {
                int best = int.MaxValue;
                int at = -1;
                for (int i = 0; i < parts.Count - 1; i++)
                {
                    if (_ranks.TryGetValue(parts[i] + parts[i + 1], out int rank) && rank < best)
                    {
                        best = rank;
                        at = i;
                    }
                }

                if (at < 0)
                {
                    break;
                }

                parts[at] += parts[at + 1];
                parts.RemoveAt(at + 1);
            }

            ids.AddRange(parts.Select(p => _ranks[p]));
        }

        return ids;
    }

    [GeneratedRegex(@"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Cl100kPattern();

    private static NaiveBytePairEncoder Load()
    {
        using Stream resource = typeof(Router.Core.Tokens.TokenCounter).Assembly.GetManifestResourceStream("Router.Core.Tokens.cl100k_base.ranks.br")!;
        using var brotli = new BrotliStream(resource, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        brotli.CopyTo(raw);
        byte[] data = raw.ToArray();
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int read = 0, rank = 0; read < data.Length; rank++)
        {
            int length = data[read++];
            ranks.Add(Encoding.Latin1.GetString(data, read, length), rank);
            read += length;
        }

        return new NaiveBytePairEncoder(ranks);
    }
}

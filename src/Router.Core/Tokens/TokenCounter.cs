using System.Buffers;
using System.Text;

namespace Router.Core.Tokens;

/// <summary>Counts byte-pair-encoding tokens exactly as tiktoken's cl100k_base does.</summary>
public sealed class TokenCounter
{
    private const string RanksResource = "Router.Core.Tokens.cl100k_base.ranks.br";
    private const int StackBytes = 512;

    // The table is a few MB once expanded: load it on first use, once, for every thread.
    private static readonly Lazy<BytePairRanks> Cl100kRanks = new(LoadCl100k, LazyThreadSafetyMode.ExecutionAndPublication);

    // Words and identifiers repeat within and across editor requests, and so do whole lines (successive completions of
    // one file, a selection explained after it was completed): their counts are remembered. The caches are bounded and
    // stop growing when full. Pieces and lines outside these lengths are counted each time.
    private const int ShortPieceCacheSlots = 1 << 16;
    private const int PieceCacheSlots = 1 << 17;
    private const int MaxCachedPieceLength = 64;
    private const int LineCacheSlots = 1 << 15;
    private const int MinCachedLineLength = 16;
    private const int MaxCachedLineLength = 512;
    private const int LongLineChunk = 256;

    private readonly Lazy<BytePairRanks> _ranks;
    private readonly ShortPieceCountCache _shortPieceCounts = new(ShortPieceCacheSlots);
    private readonly TokenCountCache _pieceCounts = new(PieceCacheSlots);
    private readonly TokenCountCache _lineCounts = new(LineCacheSlots);

    private TokenCounter(Lazy<BytePairRanks> ranks)
    {
        _ranks = ranks;
    }

    /// <summary>The cl100k_base counter, shared; safe to use from any thread.</summary>
    public static TokenCounter Default { get; } = new(Cl100kRanks);

    /// <summary>Number of cl100k_base tokens in <paramref name="text"/> (no special tokens).</summary>
    public int Count(string text) => text is null ? 0 : Count(text.AsSpan());

    /// <summary>Number of cl100k_base tokens in <paramref name="text"/> (no special tokens).</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        BytePairRanks table = _ranks.Value;
        Span<byte> stack = stackalloc byte[StackBytes];
        int tokens = 0;
        for (int start = 0; start < text.Length;)
        {
            int end = ChunkEnd(text, start);
            ReadOnlySpan<char> line = text[start..end];
            if (line.Length is < MinCachedLineLength or > MaxCachedLineLength)
            {
                tokens += CountPieces(table, line, stack);
            }
            else
            {
                int hash = TokenCountCache.Hash(line);
                if (!_lineCounts.TryGet(line, hash, out int count))
                {
                    count = CountPieces(table, line, stack);
                    _lineCounts.Add(line, hash, count);
                }

                tokens += count;
            }

            start = end;
        }

        return tokens;
    }

    /// <summary>The end of the chunk that starts at <paramref name="start"/>: a place that is always a piece boundary of
    /// cl100k's split pattern, so that the text after it splits the same on its own and a text's count is the sum of its
    /// chunks' counts (the pattern has no look-behind).</summary>
    /// <remarks>Two such places: just after a line break followed by a character that is not whitespace (no piece holds a
    /// line break and then such a character: line breaks only end pieces or runs of whitespace), and, inside a long line,
    /// at a space after an ASCII letter (every piece holding that letter ends with it: a letter run stops at a non-letter,
    /// a contraction ends on its letters).</remarks>
    internal static int ChunkEnd(ReadOnlySpan<char> text, int start)
    {
        // A cut inside a long line comes LongLineChunk characters after the start at the earliest, so a line start before
        // that ends the chunk without a look for cuts; the look for line starts stops at the first cut.
        int early = Math.Min(text.Length, start + LongLineChunk);
        int lineStart = FirstLineStart(text, start, early);
        if (lineStart >= 0)
        {
            return lineStart;
        }

        int cut = -1;
        for (int position = start + LongLineChunk; position < text.Length - 1; position++)
        {
            if (text[position] == ' ' && char.IsAsciiLetter(text[position - 1]))
            {
                cut = position;
                break;
            }
        }

        lineStart = FirstLineStart(text, early, cut < 0 ? text.Length : cut);
        return lineStart >= 0 ? lineStart : cut < 0 ? text.Length : cut;
    }

    /// <summary>The place just after the first line break at or after <paramref name="from"/> and before
    /// <paramref name="to"/> that is followed by a character other than whitespace (or ends the text); -1 when none is.
    /// </summary>
    private static int FirstLineStart(ReadOnlySpan<char> text, int from, int to)
    {
        for (int position = from; position < to;)
        {
            int lineBreak = text[position..to].IndexOf('\n');
            if (lineBreak < 0)
            {
                break;
            }

            position += lineBreak + 1;
            if (position == text.Length || !Cl100kPieceSplitter.IsWhitespace(text[position]))
            {
                return position;
            }
        }

        return -1;
    }

    private int CountPieces(BytePairRanks table, ReadOnlySpan<char> text, Span<byte> stack)
    {
        int tokens = 0;
        for (int start = 0; start < text.Length;)
        {
            int end = Cl100kPieceSplitter.PieceEnd(text, start, out ulong asciiChars);
            int length = end - start;

            // Most pieces are one ASCII character (every byte is a token) or a short word seen before: both answered here,
            // without a call.
            if (length == 1 && asciiChars != 0)
            {
                tokens++;
            }
            else if (asciiChars != 0 && length <= ShortPieceCountCache.MaxLength
                && _shortPieceCounts.TryGet(asciiChars, length, out int count))
            {
                tokens += count;
            }
            else
            {
                tokens += CountPiece(table, text.Slice(start, length), stack);
            }

            start = end;
        }

        return tokens;
    }

    /// <summary>The cl100k_base token ids of <paramref name="text"/>, as tiktoken's <c>encode_ordinary</c> gives them.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        BytePairRanks table = _ranks.Value;
        Span<byte> stack = stackalloc byte[StackBytes];
        var ids = new List<int>(text.Length / 3 + 1);
        for (int start = 0; start < text.Length;)
        {
            int end = Cl100kPieceSplitter.PieceEnd(text, start);
            EncodePiece(table, text.AsSpan(start, end - start), stack, ids);
            start = end;
        }

        return ids;
    }

    private int CountPiece(BytePairRanks table, ReadOnlySpan<char> piece, Span<byte> stack)
    {
        // Every single byte is a token, and one-character pieces (".", "(", " ") are most of code's pieces.
        if (piece.Length == 1 && piece[0] < 128)
        {
            return 1;
        }

        ulong asciiChars = ShortPieceCountCache.Pack(piece);
        if (asciiChars != 0)
        {
            if (!_shortPieceCounts.TryGet(asciiChars, piece.Length, out int shortCount))
            {
                shortCount = EncodePiece(table, piece, stack, null);
                _shortPieceCounts.Add(asciiChars, piece.Length, shortCount);
            }

            return shortCount;
        }

        if (piece.Length > MaxCachedPieceLength)
        {
            return EncodePiece(table, piece, stack, null);
        }

        int hash = TokenCountCache.Hash(piece);
        if (_pieceCounts.TryGet(piece, hash, out int cached))
        {
            return cached;
        }

        int count = EncodePiece(table, piece, stack, null);
        _pieceCounts.Add(piece, hash, count);
        return count;
    }

    private static int EncodePiece(BytePairRanks table, ReadOnlySpan<char> piece, Span<byte> stack, List<int>? ids)
    {
        byte[]? rented = null;
        int maxBytes = piece.Length * 3;
        Span<byte> buffer = maxBytes <= stack.Length ? stack : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            int length = ToUtf8(piece, buffer);
            ReadOnlySpan<byte> bytes = buffer[..length];

            int whole = table.Rank(bytes);
            if (whole >= 0)
            {
                ids?.Add(whole);
                return 1;
            }

            return BytePairMerger.Merge(table, bytes, ids);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Pieces are short (a word and its space); a plain loop beats the vectorised converters' setup cost for them.
    private static int ToUtf8(ReadOnlySpan<char> piece, Span<byte> buffer)
    {
        for (int i = 0; i < piece.Length; i++)
        {
            char c = piece[i];
            if (c >= 128)
            {
                return Encoding.UTF8.GetBytes(piece, buffer);
            }

            buffer[i] = (byte)c;
        }

        return piece.Length;
    }

    private static BytePairRanks LoadCl100k()
    {
        using Stream stream = typeof(TokenCounter).Assembly.GetManifestResourceStream(RanksResource)
            ?? throw new InvalidOperationException($"Embedded resource {RanksResource} is missing from Router.Core.");
        return BytePairRanks.Load(stream);
    }
}

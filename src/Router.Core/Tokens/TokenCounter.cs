using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Router.Core.Tokens;

/// <summary>Counts byte-pair-encoding tokens exactly as tiktoken's cl100k_base does.</summary>
public sealed class TokenCounter
{
    private const string RanksResource = "Router.Core.Tokens.cl100k_base.ranks.br";
    private const int StackBytes = 512;

    // The table is a few MB once expanded: load it on first use, once, for every thread.
    private static readonly Lazy<BytePairRanks> Cl100kRanks = new(LoadCl100k, LazyThreadSafetyMode.ExecutionAndPublication);

    // Pieces that take several tokens need the merge loop; identifiers repeat within and across editor requests,
    // so their counts are remembered (bounded, never evicted: a full cache simply stops growing).
    private const int MaxCachedPieces = 65_536;
    private const int MaxCachedPieceLength = 64;

    private readonly Lazy<BytePairRanks> _ranks;
    private readonly ConcurrentDictionary<string, int> _mergedPieceCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _mergedPieceLookup;
    private int _cachedPieces;

    private TokenCounter(Lazy<BytePairRanks> ranks)
    {
        _ranks = ranks;
        _mergedPieceLookup = _mergedPieceCounts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The cl100k_base counter, shared; safe to use from any thread.</summary>
    public static TokenCounter Default { get; } = new(Cl100kRanks);

    /// <summary>Number of cl100k_base tokens in <paramref name="text"/> (no special tokens).</summary>
    public int Count(string text) => text is null ? 0 : Count(text.AsSpan());

    /// <summary>Number of cl100k_base tokens in <paramref name="text"/> (no special tokens).</summary>
    public int Count(ReadOnlySpan<char> text) => Run(text, null);

    /// <summary>The cl100k_base token ids of <paramref name="text"/>, as tiktoken's <c>encode_ordinary</c> gives them.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 1);
        Run(text, ids);
        return ids;
    }

    private int Run(ReadOnlySpan<char> text, List<int>? ids)
    {
        BytePairRanks table = _ranks.Value;
        int tokens = 0;
        Span<byte> stack = stackalloc byte[StackBytes];
        for (int start = 0; start < text.Length;)
        {
            int end = Cl100kPieceSplitter.PieceEnd(text, start);
            tokens += ids is null ? CountPiece(table, text[start..end], stack) : EncodePiece(table, text[start..end], stack, ids);
            start = end;
        }

        return tokens;
    }

    private int CountPiece(BytePairRanks table, ReadOnlySpan<char> piece, Span<byte> stack)
    {
        // Every single byte is a token, and one-character pieces (".", "(", " ") are most of code's pieces.
        if (piece.Length == 1 && piece[0] < 128)
        {
            return 1;
        }

        // Most pieces are one token: answer those from the rank table before touching the cache.
        if (piece.Length * 3 <= stack.Length && table.Rank(stack[..ToUtf8(piece, stack)]) >= 0)
        {
            return 1;
        }

        if (piece.Length <= MaxCachedPieceLength && _mergedPieceLookup.TryGetValue(piece, out int cached))
        {
            return cached;
        }

        int count = EncodePiece(table, piece, stack, null);
        if (count > 1 && piece.Length <= MaxCachedPieceLength && Volatile.Read(ref _cachedPieces) < MaxCachedPieces
            && _mergedPieceLookup.TryAdd(piece, count))
        {
            Interlocked.Increment(ref _cachedPieces);
        }

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

namespace Router.Core.Tokens;

/// <summary>Token counts of text already counted (pieces, lines), keyed by its characters. Lock-free: readers never
/// wait, a writer claims an empty slot with one compare-and-swap, and a full cache simply stops growing (nothing is
/// evicted, so an answer, once there, never changes).</summary>
internal sealed class TokenCountCache
{
    private const int MaxProbes = 8;

    private readonly Entry?[] _slots;
    private readonly int _mask;
    private readonly int _maxEntries;
    private int _entries;

    /// <param name="slots">Table size, a power of two; at most half of it is filled so that probes stay short.</param>
    public TokenCountCache(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "The table size must be a power of two.");
        }

        _slots = new Entry?[slots];
        _mask = slots - 1;
        _maxEntries = slots / 2;
    }

    /// <summary>A hash of the characters, for <see cref="TryGet"/> and <see cref="Add"/>.</summary>
    public static int Hash(ReadOnlySpan<char> text) => string.GetHashCode(text);

    public bool TryGet(ReadOnlySpan<char> piece, int hash, out int count)
    {
        int slot = hash & _mask;
        for (int probe = 0; probe < MaxProbes; probe++)
        {
            Entry? entry = Volatile.Read(ref _slots[slot]);
            if (entry is null)
            {
                break;
            }

            if (entry.Hash == hash && piece.SequenceEqual(entry.Piece))
            {
                count = entry.Count;
                return true;
            }

            slot = (slot + 1) & _mask;
        }

        count = 0;
        return false;
    }

    public void Add(ReadOnlySpan<char> piece, int hash, int count)
    {
        if (Volatile.Read(ref _entries) >= _maxEntries)
        {
            return;
        }

        Entry added = new(piece.ToString(), hash, count);
        int slot = hash & _mask;
        for (int probe = 0; probe < MaxProbes; probe++)
        {
            Entry? present = Interlocked.CompareExchange(ref _slots[slot], added, null);
            if (present is null)
            {
                Interlocked.Increment(ref _entries);
                return;
            }

            if (present.Hash == hash && piece.SequenceEqual(present.Piece))
            {
                return;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private sealed class Entry(string piece, int hash, int count)
    {
        public string Piece { get; } = piece;

        public int Hash { get; } = hash;

        public int Count { get; } = count;
    }
}

using System.Numerics;

namespace Router.Core.Tokens;

/// <summary>Token counts of short ASCII pieces (most of code's words, operators and indents). An entry is one 64-bit word
/// holding the piece's characters, its length and its count, so a look-up compares one number and reads no object, and a
/// writer publishes an entry whole with one compare-and-swap. Like <see cref="TokenCountCache"/>, a full cache stops
/// growing.</summary>
internal sealed class ShortPieceCountCache
{
    /// <summary>Longest piece held: eight characters of seven bits, then three bits of length and three of count.</summary>
    public const int MaxLength = 8;

    private const int LengthShift = MaxLength * 7;
    private const int CountShift = LengthShift + 3;
    private const ulong Occupied = 1UL << 63;
    private const ulong KeyMask = ~(7UL << CountShift);
    private const int MaxProbes = 8;

    private readonly ulong[] _slots;
    private readonly int _shift;
    private readonly int _mask;
    private readonly int _maxEntries;
    private int _entries;

    /// <param name="slots">Table size, a power of two; at most half of it is filled so that probes stay short.</param>
    public ShortPieceCountCache(int slots)
    {
        if (slots < 2 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "The table size must be a power of two.");
        }

        _slots = new ulong[slots];
        _shift = 64 - BitOperations.Log2((uint)slots);
        _mask = slots - 1;
        _maxEntries = slots / 2;
    }

    /// <summary><paramref name="chars"/> with the ASCII character <paramref name="c"/> packed after them. A key holds the
    /// last <see cref="MaxLength"/> characters only, and a longer piece is never looked up here.</summary>
    public static ulong Pack(ulong chars, char c) => (chars << 7) | c;

    /// <summary>The characters of <paramref name="piece"/>, packed; zero when it is longer than <see cref="MaxLength"/>
    /// or not all ASCII.</summary>
    public static ulong Pack(ReadOnlySpan<char> piece)
    {
        if (piece.Length > MaxLength)
        {
            return 0;
        }

        ulong chars = 0;
        foreach (char c in piece)
        {
            if (c >= 128)
            {
                return 0;
            }

            chars = Pack(chars, c);
        }

        return chars;
    }

    /// <param name="chars">The piece's characters, from <see cref="Pack(ReadOnlySpan{char})"/>.</param>
    /// <param name="length">The piece's length, one to <see cref="MaxLength"/>.</param>
    public bool TryGet(ulong chars, int length, out int count)
    {
        ulong key = Key(chars, length);
        int slot = Slot(key);
        for (int probe = 0; probe < MaxProbes; probe++)
        {
            ulong entry = Volatile.Read(ref _slots[slot]);
            if (entry == 0)
            {
                break;
            }

            if ((entry & KeyMask) == key)
            {
                count = (int)(entry >> CountShift & 7) + 1;
                return true;
            }

            slot = (slot + 1) & _mask;
        }

        count = 0;
        return false;
    }

    /// <param name="chars">The piece's characters, from <see cref="Pack(ReadOnlySpan{char})"/>.</param>
    /// <param name="length">The piece's length, one to <see cref="MaxLength"/>.</param>
    /// <param name="count">The piece's token count, one to <paramref name="length"/> (a byte is never more than a token).
    /// </param>
    public void Add(ulong chars, int length, int count)
    {
        if ((uint)(count - 1) >= (uint)length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A piece has one token at least and one per byte at most.");
        }

        if (Volatile.Read(ref _entries) >= _maxEntries)
        {
            return;
        }

        ulong key = Key(chars, length);
        ulong added = key | ((ulong)(count - 1) << CountShift);
        int slot = Slot(key);
        for (int probe = 0; probe < MaxProbes; probe++)
        {
            ulong present = Interlocked.CompareExchange(ref _slots[slot], added, 0);
            if (present == 0)
            {
                Interlocked.Increment(ref _entries);
                return;
            }

            if ((present & KeyMask) == key)
            {
                return;
            }

            slot = (slot + 1) & _mask;
        }
    }

    // The length tells "a" from "\0a", whose characters pack the same.
    private static ulong Key(ulong chars, int length)
    {
        if ((uint)(length - 1) >= MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "Only pieces of one to eight characters are held.");
        }

        return (chars & ((1UL << LengthShift) - 1)) | ((ulong)(length - 1) << LengthShift) | Occupied;
    }

    // Fibonacci hashing: the multiply spreads every character into the top bits, which pick the slot.
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}

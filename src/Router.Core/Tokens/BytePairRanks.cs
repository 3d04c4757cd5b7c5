using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;

namespace Router.Core.Tokens;

/// <summary>The mergeable token table of a byte-pair encoding: token bytes by rank, and rank by token bytes.</summary>
internal sealed class BytePairRanks
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;
    // Open addressing keyed by the token's bytes; a slot holds rank + 1 so that 0 means empty.
    private readonly int[] _slots;
    private readonly int _mask;

    // Every merge loop starts with the ranks of adjacent byte pairs; a direct table answers those without hashing.
    private readonly int[] _pairRanks;

    private BytePairRanks(byte[] bytes, int[] offsets)
    {
        _bytes = bytes;
        _offsets = offsets;
        int tokens = offsets.Length - 1;
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)(tokens * 2 + 1));
        _slots = new int[capacity];
        _mask = capacity - 1;
        for (int rank = 0; rank < tokens; rank++)
        {
            int slot = Hash(TokenBytes(rank)) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = rank + 1;
        }

        _pairRanks = new int[256 * 256];
        Array.Fill(_pairRanks, -1);
        for (int rank = 0; rank < tokens; rank++)
        {
            ReadOnlySpan<byte> token = TokenBytes(rank);
            if (token.Length == 2)
            {
                _pairRanks[(token[0] << 8) | token[1]] = rank;
            }
        }
    }

    /// <summary>The rank of the two bytes <paramref name="first"/> then <paramref name="second"/>, or -1.</summary>
    public int PairRank(byte first, byte second) => _pairRanks[(first << 8) | second];

    /// <summary>Longest token in the table, in bytes; longer spans are never a single token.</summary>
    public int MaxTokenLength { get; private init; }

    public int Count => _offsets.Length - 1;

    public ReadOnlySpan<byte> TokenBytes(int rank) => _bytes.AsSpan(_offsets[rank], _offsets[rank + 1] - _offsets[rank]);

    /// <summary>The rank of exactly these bytes, or -1 when they are not one token.</summary>
    public int Rank(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxTokenLength || bytes.IsEmpty)
        {
            return -1;
        }

        if (bytes.Length == 2)
        {
            return PairRank(bytes[0], bytes[1]);
        }

        int slot = Hash(bytes) & _mask;
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            int rank = entry - 1;
            int start = _offsets[rank];
            if (_offsets[rank + 1] - start == bytes.Length && _bytes.AsSpan(start, bytes.Length).SequenceEqual(bytes))
            {
                return rank;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Reads the Brotli-compressed table: for each rank in order, one length byte then the token bytes.</summary>
    public static BytePairRanks Load(Stream compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        brotli.CopyTo(raw);
        byte[] data = raw.GetBuffer();
        int length = (int)raw.Length;

        var offsets = new List<int>(100_257);
        var bytes = new byte[length];
        int written = 0;
        int maxLength = 0;
        for (int read = 0; read < length;)
        {
            int tokenLength = data[read++];
            if (tokenLength == 0 || read + tokenLength > length)
            {
                throw new InvalidDataException("The token rank table is corrupt.");
            }

            offsets.Add(written);
            data.AsSpan(read, tokenLength).CopyTo(bytes.AsSpan(written));
            written += tokenLength;
            read += tokenLength;
            maxLength = Math.Max(maxLength, tokenLength);
        }

        offsets.Add(written);
        Array.Resize(ref bytes, written);
        return new BytePairRanks(bytes, [.. offsets]) { MaxTokenLength = maxLength };
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL;
            hash = BitOperations.RotateLeft(hash, 29);
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (i * 8);
        }

        hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 32;
        return (int)hash;
    }
}

namespace Router.Core.Tokens;

/// <summary>The byte-pair merge loop: repeatedly joins the adjacent pair with the lowest rank, leftmost first.</summary>
internal static class BytePairMerger
{
    private const int NoRank = int.MaxValue;

    /// <summary>Pieces up to this many bytes merge in place on the stack; longer ones use a heap so the cost stays n log n.</summary>
    private const int StackLimit = 128;

    /// <summary>Number of tokens in <paramref name="piece"/>; writes their ranks to <paramref name="ranks"/> when it is given.</summary>
    public static int Merge(BytePairRanks table, ReadOnlySpan<byte> piece, List<int>? ranks)
    {
        return piece.Length <= StackLimit ? MergeSmall(table, piece, ranks) : MergeLarge(table, piece, ranks);
    }

    private static int MergeSmall(BytePairRanks table, ReadOnlySpan<byte> piece, List<int>? ranks)
    {
        int parts = piece.Length;
        Span<int> starts = stackalloc int[parts + 1];
        Span<int> pairRanks = stackalloc int[parts];
        for (int i = 0; i <= parts; i++)
        {
            starts[i] = i;
        }

        for (int i = 0; i < parts - 1; i++)
        {
            pairRanks[i] = RankOf(table, piece, starts[i], starts[i + 2]);
        }

        pairRanks[parts - 1] = NoRank;

        while (parts > 1)
        {
            int best = NoRank;
            int at = -1;
            for (int i = 0; i < parts - 1; i++)
            {
                if (pairRanks[i] < best)
                {
                    best = pairRanks[i];
                    at = i;
                }
            }

            if (at < 0)
            {
                break;
            }

            // Part at+1 disappears into part at.
            starts[(at + 2)..(parts + 1)].CopyTo(starts[(at + 1)..]);
            pairRanks[(at + 2)..parts].CopyTo(pairRanks[(at + 1)..]);
            parts--;
            pairRanks[at] = at + 2 <= parts ? RankOf(table, piece, starts[at], starts[at + 2]) : NoRank;
            if (at > 0)
            {
                pairRanks[at - 1] = RankOf(table, piece, starts[at - 1], starts[at + 1]);
            }
        }

        if (ranks is not null)
        {
            for (int i = 0; i < parts; i++)
            {
                ranks.Add(table.Rank(piece[starts[i]..starts[i + 1]]));
            }
        }

        return parts;
    }

    private static int MergeLarge(BytePairRanks table, ReadOnlySpan<byte> piece, List<int>? ranks)
    {
        int n = piece.Length;
        // Parts form a linked list over byte positions; a part is alive while its start is a boundary.
        var next = new int[n];
        var previous = new int[n];
        var alive = new bool[n];
        for (int i = 0; i < n; i++)
        {
            next[i] = i + 1;
            previous[i] = i - 1;
            alive[i] = true;
        }

        // Priority (rank, left start) gives the lowest rank first and the leftmost among equals, as tiktoken does.
        var queue = new PriorityQueue<(int Left, int End), long>();
        for (int i = 0; i + 1 < n; i++)
        {
            Enqueue(queue, table, piece, i, i + 2);
        }

        int parts = n;
        while (queue.TryDequeue(out var pair, out _))
        {
            int left = pair.Left;
            if (!alive[left])
            {
                continue;
            }

            int right = next[left];
            if (right >= n || PartEnd(next, right, n) != pair.End)
            {
                continue;
            }

            alive[right] = false;
            next[left] = next[right];
            if (next[right] < n)
            {
                previous[next[right]] = left;
            }

            parts--;
            if (next[left] < n)
            {
                Enqueue(queue, table, piece, left, PartEnd(next, next[left], n));
            }

            if (previous[left] >= 0)
            {
                Enqueue(queue, table, piece, previous[left], next[left]);
            }
        }

        if (ranks is not null)
        {
            for (int i = 0; i < n; i = next[i])
            {
                ranks.Add(table.Rank(piece[i..next[i]]));
            }
        }

        return parts;
    }

    private static int PartEnd(int[] next, int part, int n) => part < n ? next[part] : n;

    private static void Enqueue(PriorityQueue<(int Left, int End), long> queue, BytePairRanks table, ReadOnlySpan<byte> piece, int left, int end)
    {
        int rank = RankOf(table, piece, left, end);
        if (rank != NoRank)
        {
            queue.Enqueue((left, end), ((long)rank << 32) | (uint)left);
        }
    }

    private static int RankOf(BytePairRanks table, ReadOnlySpan<byte> piece, int start, int end)
    {
        int rank = table.Rank(piece[start..end]);
        return rank < 0 ? NoRank : rank;
    }
}

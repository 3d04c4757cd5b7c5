using Router.Core.Tokens;

namespace Router.Core.Tests.Tokens;

public sealed class ShortPieceCountCacheTests
{
    [Fact]
    public void An_added_count_is_found_again_by_its_characters()
    {
        var cache = new ShortPieceCountCache(16);
        cache.Add(ShortPieceCountCache.Pack(" return"), 7, 1);
        cache.Add(ShortPieceCountCache.Pack("qwzxv"), 5, 4);

        Assert.True(cache.TryGet(ShortPieceCountCache.Pack(" return"), 7, out int word));
        Assert.True(cache.TryGet(ShortPieceCountCache.Pack("qwzxv"), 5, out int letters));
        Assert.Equal((1, 4), (word, letters));
        Assert.False(cache.TryGet(ShortPieceCountCache.Pack(" retur"), 6, out _));
    }

    [Fact]
    public void Pieces_that_pack_the_same_are_told_apart_by_their_length()
    {
        var cache = new ShortPieceCountCache(16);
        cache.Add(ShortPieceCountCache.Pack("a"), 1, 1);

        Assert.Equal(ShortPieceCountCache.Pack("a"), ShortPieceCountCache.Pack("\0a"));
        Assert.False(cache.TryGet(ShortPieceCountCache.Pack("\0a"), 2, out _));
    }

    [Fact]
    public void Every_character_of_every_ASCII_piece_of_up_to_eight_counts()
    {
        // Changing any one character of an eight-character piece gives another key, so no two pieces share a count.
        var cache = new ShortPieceCountCache(1 << 12);
        char[] piece = "abcdefgh".ToCharArray();
        cache.Add(ShortPieceCountCache.Pack(piece), 8, 3);
        for (int at = 0; at < piece.Length; at++)
        {
            foreach (char other in "\u0001 zA~\u007f")
            {
                char[] changed = (char[])piece.Clone();
                changed[at] = other;
                Assert.False(cache.TryGet(ShortPieceCountCache.Pack(changed), 8, out _), new string(changed));
            }
        }

        Assert.True(cache.TryGet(ShortPieceCountCache.Pack(piece), 8, out int count));
        Assert.Equal(3, count);
    }

    [Theory]
    [InlineData("abcdefghi")]
    [InlineData("café")]
    [InlineData("")]
    public void Long_or_non_ASCII_pieces_have_no_packed_form(string piece) =>
        Assert.Equal(0UL, ShortPieceCountCache.Pack(piece));

    [Fact]
    public void A_full_cache_stops_growing_and_keeps_its_answers()
    {
        var cache = new ShortPieceCountCache(4);
        cache.Add(ShortPieceCountCache.Pack("ab"), 2, 1);
        cache.Add(ShortPieceCountCache.Pack("cd"), 2, 2);
        cache.Add(ShortPieceCountCache.Pack("ef"), 2, 2);

        Assert.True(cache.TryGet(ShortPieceCountCache.Pack("ab"), 2, out int first));
        Assert.True(cache.TryGet(ShortPieceCountCache.Pack("cd"), 2, out int second));
        Assert.Equal((1, 2), (first, second));
        Assert.False(cache.TryGet(ShortPieceCountCache.Pack("ef"), 2, out _));
    }

    [Fact]
    public void A_count_outside_one_token_per_byte_is_refused()
    {
        var cache = new ShortPieceCountCache(16);

        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Add(ShortPieceCountCache.Pack("ab"), 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Add(ShortPieceCountCache.Pack("ab"), 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Add(ShortPieceCountCache.Pack("abcdefgh"), 9, 1));
    }

    [Fact]
    public void Counts_written_from_many_threads_are_each_read_back_whole()
    {
        var cache = new ShortPieceCountCache(1 << 14);
        string[] pieces = [.. Enumerable.Range(0, 4000).Select(i => $"k{i}")];
        Parallel.For(0, 8, worker =>
        {
            for (int round = 0; round < 3; round++)
            {
                foreach (string piece in pieces)
                {
                    int expected = piece.Length % 2 + 1;
                    if (cache.TryGet(ShortPieceCountCache.Pack(piece), piece.Length, out int count))
                    {
                        Assert.Equal(expected, count);
                    }
                    else
                    {
                        cache.Add(ShortPieceCountCache.Pack(piece), piece.Length, expected);
                    }
                }
            }
        });

        Assert.All(pieces, piece => Assert.True(cache.TryGet(ShortPieceCountCache.Pack(piece), piece.Length, out int count) && count == piece.Length % 2 + 1));
    }
}

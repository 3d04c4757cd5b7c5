using Router.Core.Tokens;

namespace Router.Core.Tests.Tokens;

public sealed class TokenCountCacheTests
{
    [Fact]
    public void An_added_count_is_found_again_by_its_text()
    {
        var cache = new TokenCountCache(16);
        cache.Add("hello world", TokenCountCache.Hash("hello world"), 2);

        Assert.True(cache.TryGet("hello world", TokenCountCache.Hash("hello world"), out int count));
        Assert.Equal(2, count);
    }

    [Fact]
    public void Text_never_added_is_not_found()
    {
        var cache = new TokenCountCache(16);
        cache.Add("hello world", TokenCountCache.Hash("hello world"), 2);

        Assert.False(cache.TryGet("hello there", TokenCountCache.Hash("hello there"), out _));
    }

    [Fact]
    public void Texts_with_the_same_hash_keep_their_own_counts()
    {
        var cache = new TokenCountCache(16);
        cache.Add("alpha", 7, 1);
        cache.Add("beta", 7, 3);

        Assert.True(cache.TryGet("alpha", 7, out int alpha));
        Assert.True(cache.TryGet("beta", 7, out int beta));
        Assert.Equal((1, 3), (alpha, beta));
    }

    [Fact]
    public void A_text_whose_hash_is_zero_is_kept_like_any_other()
    {
        // Zero marks an empty slot in the table of hashes.
        var cache = new TokenCountCache(16);
        cache.Add("zero", 0, 4);
        cache.Add("sixteen", 16, 5);

        Assert.True(cache.TryGet("zero", 0, out int zero));
        Assert.True(cache.TryGet("sixteen", 16, out int sixteen));
        Assert.Equal((4, 5), (zero, sixteen));
    }

    [Fact]
    public void A_full_cache_stops_growing_and_keeps_its_answers()
    {
        var cache = new TokenCountCache(4);
        string[] texts = ["one", "two", "three"];
        for (int i = 0; i < texts.Length; i++)
        {
            cache.Add(texts[i], TokenCountCache.Hash(texts[i]), i + 1);
        }

        Assert.True(cache.TryGet("one", TokenCountCache.Hash("one"), out int one));
        Assert.True(cache.TryGet("two", TokenCountCache.Hash("two"), out int two));
        Assert.Equal((1, 2), (one, two));
        Assert.False(cache.TryGet("three", TokenCountCache.Hash("three"), out _));
    }

    [Fact]
    public void Every_character_of_a_text_changes_its_hash()
    {
        // Lengths around each 4-character word and the 16-character stride of the hash's four lanes.
        for (int length = 1; length <= 70; length++)
        {
            char[] text = [.. Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26)))];
            int original = TokenCountCache.Hash(text);
            for (int at = 0; at < length; at++)
            {
                char kept = text[at];
                text[at] = 'Z';
                Assert.NotEqual(original, TokenCountCache.Hash(text));
                text[at] = kept;
            }
        }
    }

    [Fact]
    public void Similar_words_spread_over_the_slots()
    {
        // Identifiers that differ only near their end, as words in code do; the slot is the hash's low bits.
        const int Slots = 1024;
        int[] load = new int[Slots];
        for (int i = 0; i < 4 * Slots; i++)
        {
            load[TokenCountCache.Hash($"item{i}") & (Slots - 1)]++;
        }

        Assert.True(load.Max() <= 16, $"The fullest of {Slots} slots got {load.Max()} of {4 * Slots} words; about 4 is expected.");
    }

    [Fact]
    public void Table_size_must_be_a_power_of_two() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenCountCache(12));
}

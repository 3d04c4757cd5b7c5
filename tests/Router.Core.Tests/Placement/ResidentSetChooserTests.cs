using Router.Core.Placement;

namespace Router.Core.Tests.Placement;

public sealed class ResidentSetChooserTests
{
    private const long Gb = 1_000_000_000;

    [Fact]
    public void Knapsack_is_optimal_on_every_small_random_case_brute_force_can_check()
    {
        Random random = new(19);
        for (int round = 0; round < 3000; round++)
        {
            int n = random.Next(0, 13);
            long[] sizes = [.. Enumerable.Range(0, n).Select(_ => (long)random.Next(1, 40) * (random.Next(2) == 0 ? 1 : 1_000_000_007))];
            double[] values = [.. Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 ? 0 : random.NextDouble() * 100)];
            long capacity = sizes.Length == 0 ? 10 : (long)(sizes.Sum() * random.NextDouble());

            IReadOnlyList<int> chosen = Knapsack.Best(sizes, values, capacity);

            Assert.True(chosen.Sum(i => sizes[i]) <= capacity, $"round {round}: over capacity");
            Assert.Equal(BruteKnapsack(sizes, values, capacity), chosen.Sum(i => values[i]), 9);
        }
    }

    [Fact]
    public void The_resident_set_is_optimal_on_every_small_random_case_brute_force_can_check()
    {
        Random random = new(18);
        for (int round = 0; round < 3000; round++)
        {
            int n = random.Next(0, 11);
            List<PlacementCandidate> candidates = [.. Enumerable.Range(0, n).Select(i => new PlacementCandidate(
                $"m{i}", random.Next(1, 25) * Gb / 2, random.Next(5) == 0 ? 0 : random.NextDouble() * 60, 1 + (random.NextDouble() * 20)))];
            long budget = random.Next(1, 49) * Gb / 2;

            HostPlacement placement = ResidentSetChooser.Choose("gpu-box", budget, candidates);

            // No thrash: every transient model fits beside the kept ones; only those named displacing do not.
            Assert.True(placement.KeptBytes + placement.ReserveBytes <= budget, $"round {round}: a transient model would evict a kept one");
            Assert.All(placement.Displacing, c => Assert.True(c.VramBytes > budget - placement.KeptBytes));
            Assert.Equal(candidates.Count, placement.Kept.Count + placement.Transient.Count + placement.Displacing.Count + placement.TooLarge.Count);
            Assert.All(placement.TooLarge, c => Assert.True(c.VramBytes > budget));
            Assert.Equal(BruteResidentSet(candidates, budget), Objective(placement.Kept, candidates, budget), 9);
        }
    }

    [Fact]
    public void A_busy_coder_is_kept_and_a_rare_model_too_large_to_sit_beside_it_is_named_displacing()
    {
        PlacementCandidate coder = new("qwen2.5-coder:14b", 11 * Gb, 120, 5);
        PlacementCandidate quick = new("qwen2.5:3b", 3 * Gb, 4, 1.2);
        PlacementCandidate heavy = new("qwen2.5-coder:32b", 22 * Gb, 0.25, 9);

        HostPlacement placement = ResidentSetChooser.Choose("gpu-box", 24 * Gb, [coder, quick, heavy]);

        // Both small models are asked for far more often than the 32B, which cannot sit beside the coder: it is named.
        Assert.Equal(["qwen2.5-coder:14b", "qwen2.5:3b"], placement.Kept.Select(c => c.Model));
        Assert.Empty(placement.Transient);
        Assert.Equal(["qwen2.5-coder:32b"], placement.Displacing.Select(c => c.Model));
        Assert.Equal(3, placement.MaxLoadedModels);
    }

    [Fact]
    public void A_model_nobody_asks_for_stays_transient_with_room_left_for_it()
    {
        PlacementCandidate coder = new("qwen2.5-coder:14b", 11 * Gb, 120, 5);
        PlacementCandidate quick = new("qwen2.5:3b", 3 * Gb, 4, 1.2);
        PlacementCandidate vision = new("granite3.2-vision:2b", 2 * Gb, 0, 1.5);

        HostPlacement placement = ResidentSetChooser.Choose("gpu-box", 16 * Gb, [coder, quick, vision]);

        // Keeping it saves nothing; it still fits in the 2 GB left beside the other two.
        Assert.Equal(["qwen2.5-coder:14b", "qwen2.5:3b"], placement.Kept.Select(c => c.Model));
        Assert.Equal(["granite3.2-vision:2b"], placement.Transient.Select(c => c.Model));
        Assert.Empty(placement.Displacing);
    }

    [Fact]
    public void A_model_larger_than_the_host_is_reported_not_placed()
    {
        HostPlacement placement = ResidentSetChooser.Choose("laptop", 8 * Gb, [new PlacementCandidate("qwen2.5-coder:32b", 22 * Gb, 1, 9)]);

        Assert.Empty(placement.Kept);
        Assert.Single(placement.TooLarge);
    }

    private static double BruteKnapsack(long[] sizes, double[] values, long capacity)
    {
        double best = 0;
        for (int mask = 0; mask < 1 << sizes.Length; mask++)
        {
            long size = 0;
            double value = 0;
            for (int i = 0; i < sizes.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    size += sizes[i];
                    value += values[i];
                }
            }

            if (size <= capacity && value > best)
            {
                best = value;
            }
        }

        return best;
    }

    /// <summary>Load time saved an hour, less a reload of every kept model for each request of a model that cannot sit beside them.</summary>
    private static double Objective(IEnumerable<PlacementCandidate> kept, List<PlacementCandidate> candidates, long budget)
    {
        List<PlacementCandidate> set = [.. kept];
        long free = budget - set.Sum(c => c.VramBytes);
        double displacing = candidates.Where(c => c.VramBytes <= budget && !set.Contains(c) && c.VramBytes > free).Sum(c => c.RequestsPerHour);
        return set.Sum(c => c.SavedSecondsPerHour - (displacing * c.LoadSeconds));
    }

    private static double BruteResidentSet(List<PlacementCandidate> candidates, long budget)
    {
        List<PlacementCandidate> fitting = [.. candidates.Where(c => c.VramBytes <= budget)];
        double best = double.NegativeInfinity;
        for (int mask = 0; mask < 1 << fitting.Count; mask++)
        {
            List<PlacementCandidate> kept = [.. fitting.Where((_, i) => (mask & (1 << i)) != 0)];
            if (kept.Sum(c => c.VramBytes) <= budget)
            {
                best = Math.Max(best, Objective(kept, candidates, budget));
            }
        }

        return best;
    }
}

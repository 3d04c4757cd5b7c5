namespace Router.Core.Placement;

/// <summary>Chooses the models a host keeps resident: the most load time saved (rate × load time) within its GPU memory,
/// with room left beside them for the models it does not keep, so that serving one never evicts a kept one (no thrash).</summary>
/// <remarks>
/// A model that cannot fit beside the kept set is <i>displacing</i>: serving it unloads kept models. Each such request is
/// charged the reload of every kept model, so a model is kept only when it is asked for more often than displacing models
/// come; a displacing model is also named in the plan, for a bigger or another host.
/// Exact: for each reserve (none, or the size of one candidate) the candidates larger than it are kept or displacing, the
/// choice enumerated (a host serves at most one model per tier, so a handful), and the candidates that fit the reserve are a
/// 0/1 knapsack on the memory left, solved by <see cref="Knapsack.Best"/>.
/// </remarks>
public static class ResidentSetChooser
{
    public static HostPlacement Choose(string host, long budgetBytes, IReadOnlyList<PlacementCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        List<PlacementCandidate> tooLarge = [.. candidates.Where(c => c.VramBytes > budgetBytes)];
        List<PlacementCandidate> fitting = [.. candidates.Where(c => c.VramBytes <= budgetBytes)];

        double bestValue = double.NegativeInfinity;
        long bestBytes = long.MaxValue;
        List<PlacementCandidate> bestKept = [];
        foreach (long reserve in fitting.Select(c => c.VramBytes).Append(0).Distinct().Order())
        {
            List<PlacementCandidate> big = [.. fitting.Where(c => c.VramBytes > reserve)];
            List<PlacementCandidate> small = [.. fitting.Where(c => c.VramBytes <= reserve)];
            for (long mask = 0; mask < 1L << big.Count; mask++)
            {
                List<PlacementCandidate> forced = [.. big.Where((_, i) => (mask & (1L << i)) != 0)];
                long room = budgetBytes - reserve - forced.Sum(c => c.VramBytes);
                if (room < 0)
                {
                    continue;
                }

                double displacingRate = big.Where((_, i) => (mask & (1L << i)) == 0).Sum(c => Math.Max(0, c.RequestsPerHour));
                IReadOnlyList<int> chosen = Knapsack.Best(
                    [.. small.Select(c => c.VramBytes)], [.. small.Select(c => Net(c, displacingRate))], room);
                List<PlacementCandidate> kept = [.. forced, .. chosen.Select(i => small[i])];
                double value = kept.Sum(c => Net(c, displacingRate));
                long bytes = kept.Sum(c => c.VramBytes);

                // Equal savings: the smaller resident set leaves more memory for everything else.
                if (value > bestValue + 1e-9 || (Math.Abs(value - bestValue) <= 1e-9 && bytes < bestBytes))
                {
                    (bestValue, bestBytes, bestKept) = (value, bytes, kept);
                }
            }
        }

        long free = budgetBytes - bestKept.Sum(c => c.VramBytes);
        List<PlacementCandidate> others = [.. fitting.Where(c => !bestKept.Contains(c)).OrderBy(c => c.Model, StringComparer.Ordinal)];
        return new HostPlacement(
            host,
            budgetBytes,
            [.. bestKept.OrderByDescending(c => c.SavedSecondsPerHour).ThenBy(c => c.Model, StringComparer.Ordinal)],
            [.. others.Where(c => c.VramBytes <= free)],
            tooLarge)
        {
            Displacing = [.. others.Where(c => c.VramBytes > free)],
        };
    }

    /// <summary>What keeping <paramref name="candidate"/> is worth an hour once every displacing request reloads it.</summary>
    public static double Net(PlacementCandidate candidate, double displacingRequestsPerHour)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.SavedSecondsPerHour - (displacingRequestsPerHour * Math.Max(0, candidate.LoadSeconds));
    }
}

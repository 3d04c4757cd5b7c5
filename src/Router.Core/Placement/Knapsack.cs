namespace Router.Core.Placement;

/// <summary>An exact 0/1 knapsack by branch and bound: items by value density, each branch cut when even the fractional
/// relaxation of what is left cannot beat the best found. Sizes are bytes, so no table over the capacity is built.</summary>
public static class Knapsack
{
    /// <summary>The indices of the items of greatest total value whose sizes sum to at most <paramref name="capacity"/>
    /// (items of no value are left out).</summary>
    public static IReadOnlyList<int> Best(IReadOnlyList<long> sizes, IReadOnlyList<double> values, long capacity)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(values);
        if (sizes.Count != values.Count)
        {
            throw new ArgumentException("one value per size", nameof(values));
        }

        int[] order = [.. Enumerable.Range(0, sizes.Count)
            .Where(i => values[i] > 0 && sizes[i] <= capacity)
            .OrderByDescending(i => sizes[i] == 0 ? double.PositiveInfinity : values[i] / sizes[i])];
        Search search = new(sizes, values, order);
        search.Run(0, capacity, 0);
        return [.. search.Best.Order()];
    }

    private sealed class Search(IReadOnlyList<long> sizes, IReadOnlyList<double> values, int[] order)
    {
        private readonly Stack<int> _taken = new();

        public double BestValue { get; private set; } = -1;

        public List<int> Best { get; private set; } = [];

        public void Run(int next, long room, double value)
        {
            if (value > BestValue)
            {
                BestValue = value;
                Best = [.. _taken];
            }

            // The epsilon keeps rounding in the bound from cutting a branch that is better by a hair.
            if (next == order.Length || value + Bound(next, room) + 1e-9 <= BestValue)
            {
                return;
            }

            int item = order[next];
            if (sizes[item] <= room)
            {
                _taken.Push(item);
                Run(next + 1, room - sizes[item], value + values[item]);
                _taken.Pop();
            }

            Run(next + 1, room, value);
        }

        /// <summary>The most the items from <paramref name="next"/> on could add, taking the last one in part.</summary>
        private double Bound(int next, long room)
        {
            double bound = 0;
            for (int k = next; k < order.Length; k++)
            {
                int item = order[k];
                if (sizes[item] <= room)
                {
                    room -= sizes[item];
                    bound += values[item];
                }
                else
                {
                    return bound + (values[item] * room / sizes[item]);
                }
            }

            return bound;
        }
    }
}

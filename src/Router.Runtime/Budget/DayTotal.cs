namespace Router.Runtime.Budget;

/// <summary>A day's running totals while the ledger holds them.</summary>
internal sealed class DayTotal
{
    public decimal Usd { get; private set; }

    public int Requests { get; private set; }

    public Dictionary<string, decimal> Endpoints { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, decimal> Tiers { get; } = new(StringComparer.Ordinal);

    public void Add(decimal usd, int requests, IEnumerable<KeyValuePair<string, decimal>> endpoints, IEnumerable<KeyValuePair<string, decimal>> tiers)
    {
        Usd += usd;
        Requests += requests;
        AddTo(Endpoints, endpoints);
        AddTo(Tiers, tiers);
    }

    public DayTotal Copy()
    {
        DayTotal copy = new();
        copy.Add(Usd, Requests, Endpoints, Tiers);
        return copy;
    }

    private static void AddTo(Dictionary<string, decimal> totals, IEnumerable<KeyValuePair<string, decimal>> amounts)
    {
        foreach ((string key, decimal usd) in amounts)
        {
            totals[key] = totals.GetValueOrDefault(key) + usd;
        }
    }
}

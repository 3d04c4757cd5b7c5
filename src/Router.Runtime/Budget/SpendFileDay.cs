namespace Router.Runtime.Budget;

/// <summary>One day in the spend file. Amounts are decimal so that many small additions sum exactly.</summary>
/// <param name="Date">The local calendar day as yyyy-MM-dd.</param>
internal sealed record SpendFileDay(
    string? Date,
    decimal Usd,
    int Requests,
    IReadOnlyDictionary<string, decimal>? Endpoints,
    IReadOnlyDictionary<string, decimal>? Tiers);

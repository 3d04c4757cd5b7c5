namespace Router.Cli.Routing;

/// <summary>One earlier turn inside a request line's "history".</summary>
internal sealed record HistoryTurnLine
{
    public string? Kind { get; init; }

    public string? Text { get; init; }

    public string? Tier { get; init; }

    public double? MinutesAgo { get; init; }
}

namespace Router.Cli.Routing;

/// <summary>One request line of `router route --batch` (the wire shape docs/routing-policy.md describes).</summary>
internal sealed record RouteRequestLine
{
    public string? Id { get; init; }

    public string? Kind { get; init; }

    public string? Language { get; init; }

    public string? File { get; init; }

    public string? Text { get; init; }

    public string? Prefix { get; init; }

    public string? Suffix { get; init; }

    public IReadOnlyList<string>? Files { get; init; }

    public IReadOnlyList<HistoryTurnLine>? History { get; init; }
}

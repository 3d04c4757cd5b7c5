namespace Router.Core.Usage.Reporting;

/// <summary>The shared ledger of a team over a period, per user, per gateway key, per route (kind → tier) and per model, dearest first.</summary>
/// <param name="NamesShown">False when users appear as hashed ids (the default); true when the team opted in to names.</param>
public sealed record TeamReport(
    DateTimeOffset Since,
    int Requests,
    decimal CostUsd,
    bool NamesShown,
    IReadOnlyList<TeamReportRow> Users,
    IReadOnlyList<TeamReportRow> Keys,
    IReadOnlyList<TeamReportRow> Routes,
    IReadOnlyList<TeamReportRow> Models);

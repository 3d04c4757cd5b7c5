namespace Router.Cli.Report;

/// <summary>The options of one `router report` run.</summary>
/// <param name="Since">`--since` as given: a span back from now (7d) or a date.</param>
/// <param name="HtmlPath">`--html FILE`, or null.</param>
/// <param name="ConfigPath">`--config FILE`, or null for ./router.yaml or the default.</param>
/// <param name="LedgerPath">`--ledger FILE`, or null for usage.db in the state folder.</param>
/// <param name="Team">`--team`: the team's shared ledger (router.yaml's PostgreSQL) per user, key, route and model.</param>
internal sealed record ReportInvocation(string Since, bool Json, string? HtmlPath, string? ConfigPath, string? LedgerPath, bool Team = false);

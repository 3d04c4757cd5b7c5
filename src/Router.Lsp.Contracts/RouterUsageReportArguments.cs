namespace Router.Lsp.Contracts;

/// <summary>Argument of <c>router.usageReport</c>.</summary>
/// <param name="Days">How many days back the report reaches; 7 when omitted.</param>
public sealed record RouterUsageReportArguments(int? Days = null);

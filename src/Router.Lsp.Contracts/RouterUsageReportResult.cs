namespace Router.Lsp.Contracts;

/// <summary>Result of <c>router.usageReport</c>: the usage report as one self-contained HTML page (what
/// <c>router report --html</c> writes), for a webview.</summary>
public sealed record RouterUsageReportResult(string Html);

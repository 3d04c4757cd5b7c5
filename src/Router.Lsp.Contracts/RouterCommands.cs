namespace Router.Lsp.Contracts;

/// <summary>The commands <c>router lsp</c> executes through <c>workspace/executeCommand</c> (see docs/protocol.md).</summary>
public static class RouterCommands
{
    public const string Explain = "router.explain";
    public const string Ask = "router.ask";
    public const string Refactor = "router.refactor";
    public const string WhyThisModel = "router.whyThisModel";
    public const string Doctor = "router.doctor";

    /// <summary>The configuration in force in this server, each value with its origin, as `router config show --json` prints it.</summary>
    public const string ConfigShow = "router.configShow";

    /// <summary>Carried by every inline completion item; the editor runs it when the user accepts the item.</summary>
    public const string CompletionAccepted = "router.completionAccepted";

    /// <summary>The usage report as HTML (see <see cref="RouterUsageReportResult"/>).</summary>
    public const string UsageReport = "router.usageReport";

    public static IReadOnlyList<string> All { get; } = [Explain, Ask, Refactor, WhyThisModel, Doctor, ConfigShow, CompletionAccepted, UsageReport];
}

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

    public static IReadOnlyList<string> All { get; } = [Explain, Ask, Refactor, WhyThisModel, Doctor, ConfigShow];
}

namespace Router.Core.Configuration;

/// <summary>How long the usage ledger keeps its request rows (router.yaml <c>ledger.retentionDays</c>).</summary>
public sealed record LedgerConfig(int RetentionDays)
{
    public const int MaxRetentionDays = 3650;

    public static LedgerConfig Default { get; } = new(90);
}

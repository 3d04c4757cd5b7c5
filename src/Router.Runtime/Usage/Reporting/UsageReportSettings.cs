using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Core.Usage.Reporting;

namespace Router.Runtime.Usage.Reporting;

/// <summary>Reads what a usage report needs from the ledger and the configuration, the same way for <c>router report</c> and
/// the language server's <c>router.usageReport</c>.</summary>
public static class UsageReportSettings
{
    /// <summary>The report's options: budgets and frontier prices from <paramref name="config"/>, days in the local zone.</summary>
    public static UsageReportOptions Options(RouterConfig config, DateTimeOffset since, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        TokenPrice? frontier = config.Tiers.TryGetValue(Tier.Frontier, out TierConfig? tier) && (tier.UsdPerMillionInput > 0 || tier.UsdPerMillionOutput > 0)
            ? new TokenPrice(tier.UsdPerMillionInput, tier.UsdPerMillionOutput)
            : null;
        return new UsageReportOptions(
            since,
            now,
            zone ?? TimeZoneInfo.Local,
            DailyBudgetUsd: (decimal)config.Budget.DailyUsd,
            MonthlyBudgetUsd: config.Budget.MonthlyUsd is { } monthly ? (decimal)monthly : null,
            FrontierPrice: frontier);
    }

    /// <summary>Builds the report over the ledger: this process's queued rows first, then every row since the window's start or
    /// the start of the month, whichever is earlier (the month's spend needs both).</summary>
    public static async Task<UsageReport> BuildAsync(IUsageLedger ledger, UsageReportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        await ledger.FlushAsync(cancellationToken).ConfigureAwait(false);
        DateTime local = TimeZoneInfo.ConvertTime(options.Until, options.TimeZone).DateTime;
        DateTime monthStart = new(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        DateTimeOffset month = new(monthStart, options.TimeZone.GetUtcOffset(monthStart));
        DateTimeOffset from = month < options.Since ? month : options.Since;
        List<UsageRecord> records = [];
        await foreach (UsageRecord record in ledger.ReadSinceAsync(from, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return UsageReportBuilder.Build(records, options);
    }
}

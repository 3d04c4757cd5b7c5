namespace Router.Core.Usage.Reporting;

/// <summary>What a usage report covers and what it measures spend and savings against.</summary>
/// <param name="Since">The first moment of the report's window; records before it count only toward this month's spend.</param>
/// <param name="Until">The end of the window (now, for a report of the ledger as it stands).</param>
/// <param name="TimeZone">Whose calendar days and months the spend is counted in (the user's local zone).</param>
/// <param name="DailyBudgetUsd">The configured daily cloud budget, or null when none is set.</param>
/// <param name="MonthlyBudgetUsd">The configured monthly cloud budget, or null when none is set.</param>
/// <param name="FrontierPrice">The frontier tier's prices, for the cost had every request gone there; null when no frontier is priced.</param>
public sealed record UsageReportOptions(
    DateTimeOffset Since,
    DateTimeOffset Until,
    TimeZoneInfo TimeZone,
    decimal? DailyBudgetUsd = null,
    decimal? MonthlyBudgetUsd = null,
    TokenPrice? FrontierPrice = null);

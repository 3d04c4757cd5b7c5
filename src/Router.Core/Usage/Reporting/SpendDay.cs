namespace Router.Core.Usage.Reporting;

/// <summary>Cloud spend on one calendar day of the window.</summary>
public sealed record SpendDay(DateOnly Date, decimal Usd, int CloudRequests);

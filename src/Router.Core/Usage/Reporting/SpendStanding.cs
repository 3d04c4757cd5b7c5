namespace Router.Core.Usage.Reporting;

/// <summary>Cloud spend against the budgets: the window's total, the last day of the window and its month so far.</summary>
/// <param name="DaysOverDailyBudget">Days of the window whose spend passed the daily budget.</param>
public sealed record SpendStanding(
    decimal WindowUsd,
    DateOnly Today,
    decimal TodayUsd,
    decimal MonthUsd,
    decimal? DailyBudgetUsd,
    decimal? MonthlyBudgetUsd,
    int DaysOverDailyBudget,
    IReadOnlyList<SpendDay> Days);

using System.Diagnostics.CodeAnalysis;

namespace Router.Core.Usage;

/// <summary>The stored and printed names of <see cref="UsageOutcome"/> values ("shown", "accepted", ...).</summary>
public static class UsageOutcomeNames
{
    public static string Name(this UsageOutcome outcome) => outcome switch
    {
        UsageOutcome.Answered => "answered",
        UsageOutcome.Shown => "shown",
        UsageOutcome.Accepted => "accepted",
        UsageOutcome.Dismissed => "dismissed",
        UsageOutcome.Cancelled => "cancelled",
        UsageOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown outcome"),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out UsageOutcome? outcome)
    {
        outcome = name switch
        {
            "answered" => UsageOutcome.Answered,
            "shown" => UsageOutcome.Shown,
            "accepted" => UsageOutcome.Accepted,
            "dismissed" => UsageOutcome.Dismissed,
            "cancelled" => UsageOutcome.Cancelled,
            "failed" => UsageOutcome.Failed,
            _ => null,
        };
        return outcome is not null;
    }
}

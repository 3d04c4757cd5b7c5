using System.Diagnostics.CodeAnalysis;

namespace Router.Core.Configuration;

/// <summary>The router.yaml names of <see cref="Billing"/> values.</summary>
public static class BillingNames
{
    public const string Listing = "free, subscription or metered";

    public static string Name(this Billing billing) => billing switch
    {
        Billing.Free => "free",
        Billing.Subscription => "subscription",
        Billing.Metered => "metered",
        _ => throw new ArgumentOutOfRangeException(nameof(billing), billing, "unknown billing"),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out Billing? billing)
    {
        billing = name?.Trim().ToUpperInvariant() switch
        {
            "FREE" => Billing.Free,
            "SUBSCRIPTION" => Billing.Subscription,
            "METERED" => Billing.Metered,
            _ => null,
        };
        return billing is not null;
    }
}

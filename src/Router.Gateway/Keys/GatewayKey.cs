using Router.Core.Requests;

namespace Router.Gateway.Keys;

/// <summary>One client key of the gateway, as its keys file holds it: never the key itself, only its SHA-256.</summary>
/// <param name="Hash">"sha256:" and 64 lowercase hex digits (<see cref="KeyHash.Of"/>).</param>
/// <param name="Tiers">The tiers the key may be answered by; null allows every tier.</param>
/// <param name="DailyUsd">Cloud spend the key may cause per day; null sets no limit of its own.</param>
/// <param name="RequestsPerMinute">Requests the key may make per minute; null sets no limit.</param>
public sealed record GatewayKey(string Name, string Hash, IReadOnlySet<Tier>? Tiers, double? DailyUsd, int? RequestsPerMinute)
{
    /// <summary>True when the key may be answered by <paramref name="tier"/>.</summary>
    public bool Allows(Tier tier) => Tiers is null || Tiers.Contains(tier);
}

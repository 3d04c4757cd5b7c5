using Router.Core.Requests;

namespace Router.Cli.Init;

/// <summary>A tier's fallback chain as `router init` writes it, with why it holds those tiers and not others.</summary>
internal sealed record TierFallback(Tier Tier, IReadOnlyList<Tier> Chain, string Why);

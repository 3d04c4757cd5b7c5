using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Gateway.Wire;

namespace Router.Gateway.Hosting;

/// <summary>The model a client named, as the router takes it: <c>router/auto</c> (or nothing) routes by content,
/// <c>router/&lt;tier&gt;</c> asks for a tier, a tier's model goes to that tier, any other name to the hosts whose model lists have it.</summary>
public sealed record ModelChoice(Tier? Tier, string? Model)
{
    public const string Auto = "router/auto";
    public const string Prefix = "router/";

    public static ModelChoice Routed { get; } = new(null, null);

    /// <exception cref="GatewayException">404 for a router/ name that is no configured tier.</exception>
    public static ModelChoice Parse(string? name, RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name is Auto or "router")
        {
            return Routed;
        }

        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return new ModelChoice(null, name);
        }

        string tierName = name[Prefix.Length..];
        if (TierNames.TryParse(tierName, out Tier? tier) && config.IsConfigured(tier.Value))
        {
            return new ModelChoice(tier, null);
        }

        throw new GatewayException(
            GatewayErrorKind.NotFound,
            $"model '{name}' does not exist: the router serves {string.Join(", ", Names(config))}")
        {
            Code = "model_not_found",
        };
    }

    /// <summary>Every model name the gateway lists: router/auto, each configured tier, then each tier's model.</summary>
    public static IReadOnlyList<string> Names(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        List<string> names = [Auto];
        names.AddRange(TierNames.All.Where(config.IsConfigured).Select(tier => Prefix + tier.Name()));
        names.AddRange(TierNames.All.Where(config.IsConfigured).Select(tier => config.Tiers[tier].Model).Distinct(StringComparer.Ordinal));
        return names;
    }
}

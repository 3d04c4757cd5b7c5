using Router.Core.Requests;

namespace Router.Core.Placement;

/// <summary>A tier's model that fits on none of its hosts, with the numbers: its estimate and each host's memory.</summary>
public sealed record UnplacedModel(Tier Tier, string Model, string Reason);

namespace Router.Core.Policy;

/// <summary>Where the hosts' model lists put one model, as the runtime's inventory last saw them: the data a pass-through
/// name is routed with, so the policy itself does no I/O.</summary>
/// <param name="Model">The model the client named.</param>
/// <param name="Listing">Endpoints whose last model list names it, healthiest first.</param>
/// <param name="Unknown">Endpoints whose model list is not known (not probed yet, never reachable, or a cloud service,
/// which is never probed), healthiest first.</param>
public sealed record ModelHosts(string Model, IReadOnlyList<string> Listing, IReadOnlyList<string> Unknown);

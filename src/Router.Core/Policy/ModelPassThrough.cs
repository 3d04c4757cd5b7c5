namespace Router.Core.Policy;

/// <summary>How a model that is no tier's model was routed: to the hosts that list it, else to those whose list is unknown.</summary>
/// <param name="Model">The model the client named.</param>
/// <param name="Hosts">The decision's endpoints known to list the model; empty when none is (the model may exist nowhere).</param>
/// <param name="KeptOff">Cloud endpoints that list or may serve the model but were left out because the request is private.</param>
public sealed record ModelPassThrough(string Model, IReadOnlyList<string> Hosts, IReadOnlyList<string> KeptOff);

using Router.Core.Requests;

namespace Router.Runtime.Dispatch;

/// <summary>One place to try: a tier's model on an endpoint (by configured name).</summary>
internal sealed record DispatchCandidate(Tier Tier, string Model, string Endpoint);

using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Cli.Benchmarking;

/// <summary>A route to measure: a tier's task shape on one of its endpoints, and whether the user named the tier.</summary>
internal sealed record BenchRoutePlan(Tier Tier, BenchTaskShape Shape, EndpointConfig Endpoint, string Model, bool Named);

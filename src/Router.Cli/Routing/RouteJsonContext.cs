using System.Text.Json.Serialization;

namespace Router.Cli.Routing;

/// <summary>Source-generated JSON for every `router route` wire type.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(RouteRequestLine))]
[JsonSerializable(typeof(RouteDecisionLine))]
[JsonSerializable(typeof(RouteErrorLine))]
internal sealed partial class RouteJsonContext : JsonSerializerContext;

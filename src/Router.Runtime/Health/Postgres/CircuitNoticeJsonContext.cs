using System.Text.Json.Serialization;

namespace Router.Runtime.Health.Postgres;

/// <summary>Source-generated JSON for the circuit notices' payload.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CircuitNotice))]
internal sealed partial class CircuitNoticeJsonContext : JsonSerializerContext;

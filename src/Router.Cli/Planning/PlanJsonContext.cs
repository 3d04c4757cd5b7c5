using System.Text.Json.Serialization;

namespace Router.Cli.Planning;

/// <summary>Source-generated serialization of `router plan --json`.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(PlanReport))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Router.Cli.Evaluation;

/// <summary>Source-generated serialization of `router eval --json`.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EvalReport))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;

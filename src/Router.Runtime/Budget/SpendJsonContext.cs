using System.Text.Json.Serialization;

namespace Router.Runtime.Budget;

/// <summary>Source-generated JSON for the spend file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SpendFile))]
internal sealed partial class SpendJsonContext : JsonSerializerContext;

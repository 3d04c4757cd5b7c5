using System.Text.Json.Serialization;

namespace Router.Cli.ConfigShow;

/// <summary>Source-generated JSON for `router config show --json`.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConfigShowReport))]
internal sealed partial class ConfigShowJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using Router.Runtime.Configuration;

namespace Router.Cli.ConfigShow;

/// <summary>Source-generated JSON for `router config show --json`.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConfigInForceReport))]
internal sealed partial class ConfigShowJsonContext : JsonSerializerContext;

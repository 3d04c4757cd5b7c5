using System.Text.Json.Serialization;

namespace Router.Runtime.Usage.Postgres;

/// <summary>Source-generated JSON for the spool's lines (one <see cref="SpooledWrite"/> a line).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SpooledWrite))]
internal sealed partial class SpoolJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Router.Cli.Doctor;

/// <summary>Source-generated serialization of `router doctor --json`.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(DoctorReport))]
internal sealed partial class DoctorJsonContext : JsonSerializerContext;

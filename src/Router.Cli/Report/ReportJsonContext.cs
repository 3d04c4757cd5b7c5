using System.Text.Json.Serialization;
using Router.Core.Usage.Reporting;

namespace Router.Cli.Report;

/// <summary>Source-generated serialization of `router report --json`.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(UsageReport))]
[JsonSerializable(typeof(TeamReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

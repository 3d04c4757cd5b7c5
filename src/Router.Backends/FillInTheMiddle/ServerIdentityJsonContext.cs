using System.Text.Json.Serialization;

namespace Router.Backends.FillInTheMiddle;

/// <summary>Source-generated reading of what servers say about themselves.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ServedModelList))]
[JsonSerializable(typeof(LlamaServerProps))]
internal sealed partial class ServerIdentityJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Router.Backends.OpenAi;

/// <summary>Source-generated serialization for the /v1/completions shapes the official package does not cover.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpenAiCompletionRequest))]
[JsonSerializable(typeof(OpenAiCompletionChunk))]
internal sealed partial class OpenAiJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Router.Backends.OpenAi;

/// <summary>Source-generated serialization for the /v1/completions, /v1/fim/completions and llama.cpp /infill shapes the official package does not cover.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpenAiCompletionRequest))]
[JsonSerializable(typeof(OpenAiCompletionChunk))]
[JsonSerializable(typeof(LlamaInfillRequest))]
internal sealed partial class OpenAiJsonContext : JsonSerializerContext;

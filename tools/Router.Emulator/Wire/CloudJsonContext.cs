using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Emulator.Wire;

/// <summary>Source-generated serialization for the OpenAI- and Anthropic-shaped endpoints (snake_case, nulls omitted unless a field says otherwise).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpenAiChatRequestBody))]
[JsonSerializable(typeof(OpenAiCompletionRequestBody))]
[JsonSerializable(typeof(OpenAiCompletionBody))]
[JsonSerializable(typeof(OpenAiModelListBody))]
[JsonSerializable(typeof(OpenAiErrorBody))]
[JsonSerializable(typeof(AnthropicRequestBody))]
[JsonSerializable(typeof(AnthropicMessageResponseBody))]
[JsonSerializable(typeof(AnthropicEventBody))]
[JsonSerializable(typeof(AnthropicErrorBody))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(LlamaInfillRequestBody))]
[JsonSerializable(typeof(LlamaInfillChunkBody))]
[JsonSerializable(typeof(LlamaPropsBody))]
[JsonSerializable(typeof(LlamaErrorBody))]
[JsonSerializable(typeof(VllmErrorBody))]
[JsonSerializable(typeof(FastApiErrorBody))]
[JsonSerializable(typeof(MistralErrorBody))]
internal sealed partial class CloudJsonContext : JsonSerializerContext;

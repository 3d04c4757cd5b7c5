using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Emulator.Wire;

/// <summary>Source-generated serialization for every Ollama wire shape the emulator reads or writes (snake_case, nulls omitted as Ollama's omitempty does).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerateRequestBody))]
[JsonSerializable(typeof(ChatRequestBody))]
[JsonSerializable(typeof(ShowRequestBody))]
[JsonSerializable(typeof(GenerateChunkBody))]
[JsonSerializable(typeof(ChatChunkBody))]
[JsonSerializable(typeof(TagsBody))]
[JsonSerializable(typeof(PsBody))]
[JsonSerializable(typeof(ShowBody))]
[JsonSerializable(typeof(VersionBody))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(FaultsBody))]
[JsonSerializable(typeof(ClockBody))]
[JsonSerializable(typeof(IReadOnlyList<FaultsBody>))]
[JsonSerializable(typeof(IReadOnlyList<RequestRecordBody>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Router.Runtime.Inventory;

/// <summary>Source-generated serialization for the probe answers the typed clients do not cover.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OpenAiModelListBody))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;

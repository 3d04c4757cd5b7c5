using System.Text.Json.Serialization;

namespace Router.Backends.Anthropic;

/// <summary>The values written into a raw Messages API body (see <see cref="AnthropicProvider"/>), without reflection.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(float))]
internal sealed partial class AnthropicJsonContext : JsonSerializerContext;

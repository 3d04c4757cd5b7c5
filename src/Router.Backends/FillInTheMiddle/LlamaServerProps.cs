using System.Text.Json;

namespace Router.Backends.FillInTheMiddle;

/// <summary>GET /props of llama.cpp's server: its generation defaults, which no other server reports there.</summary>
internal sealed record LlamaServerProps(JsonElement? DefaultGenerationSettings, string? BuildInfo);

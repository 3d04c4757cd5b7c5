using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>The body of POST /api/chat as Ollama accepts it.</summary>
internal sealed record ChatRequestBody
{
    public string? Model { get; init; }
    public IReadOnlyList<ChatMessageBody>? Messages { get; init; }
    public bool? Stream { get; init; }
    public RequestOptionsBody? Options { get; init; }
    public JsonElement? KeepAlive { get; init; }

    /// <summary>The tools the model may call: a list of {type: function, function: {name, description, parameters}}.</summary>
    public JsonElement? Tools { get; init; }
}

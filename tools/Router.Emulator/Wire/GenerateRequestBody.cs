using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>The body of POST /api/generate as Ollama accepts it.</summary>
internal sealed record GenerateRequestBody
{
    public string? Model { get; init; }
    public string? Prompt { get; init; }
    public string? Suffix { get; init; }
    public string? System { get; init; }
    public bool? Raw { get; init; }
    public bool? Stream { get; init; }
    public RequestOptionsBody? Options { get; init; }

    /// <summary>Either a number of seconds or a Go duration string, as Ollama accepts both.</summary>
    public JsonElement? KeepAlive { get; init; }
}

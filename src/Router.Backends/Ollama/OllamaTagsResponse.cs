namespace Router.Backends.Ollama;

/// <summary>GET /api/tags.</summary>
public sealed record OllamaTagsResponse(IReadOnlyList<OllamaModelEntry>? Models);

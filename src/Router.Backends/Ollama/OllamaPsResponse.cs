namespace Router.Backends.Ollama;

/// <summary>GET /api/ps.</summary>
public sealed record OllamaPsResponse(IReadOnlyList<OllamaRunningModel>? Models);

namespace Router.Backends.Ollama;

/// <summary>GET /api/version.</summary>
public sealed record OllamaVersionResponse(string Version);

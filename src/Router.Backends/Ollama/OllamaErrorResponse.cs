namespace Router.Backends.Ollama;

/// <summary>Ollama's error body: {"error": "..."}.</summary>
internal sealed record OllamaErrorResponse(string? Error);

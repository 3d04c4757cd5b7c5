namespace Router.Backends.Ollama;

/// <summary>POST /api/show.</summary>
public sealed record OllamaShowRequest(string Model);

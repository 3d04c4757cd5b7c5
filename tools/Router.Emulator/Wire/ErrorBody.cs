namespace Router.Emulator.Wire;

/// <summary>Ollama's error shape: {"error": "..."}.</summary>
internal sealed record ErrorBody(string Error);

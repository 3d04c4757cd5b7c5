namespace Router.Backends.Ollama;

/// <summary>One chat message; Role is "system", "user", "assistant" or "tool".</summary>
public sealed record OllamaChatMessage(string Role, string Content);

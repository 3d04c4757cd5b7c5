namespace Router.Emulator.Wire;

/// <summary>One tool call in an Ollama chat message.</summary>
internal sealed record OllamaToolCallBody(OllamaFunctionCallBody Function);

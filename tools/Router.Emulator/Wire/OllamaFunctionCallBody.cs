using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>The function of an Ollama tool call; its arguments are a JSON object, not a string as OpenAI's are.</summary>
internal sealed record OllamaFunctionCallBody(string Name, JsonElement Arguments);

namespace Router.Emulator.Wire;

/// <summary>The function of an OpenAI tool call; its arguments are a string holding a JSON object.</summary>
internal sealed record OpenAiFunctionCallBody(string Name, string Arguments);

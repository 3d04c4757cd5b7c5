namespace Router.Emulator.Wire;

/// <summary>OpenAI's error shape: {"error": {"message", "type", "param", "code"}}.</summary>
internal sealed record OpenAiErrorBody(OpenAiErrorDetailBody Error);

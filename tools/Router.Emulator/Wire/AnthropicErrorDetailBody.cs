namespace Router.Emulator.Wire;

/// <summary>The inside of an Anthropic error, e.g. not_found_error or authentication_error.</summary>
internal sealed record AnthropicErrorDetailBody(string Type, string Message);

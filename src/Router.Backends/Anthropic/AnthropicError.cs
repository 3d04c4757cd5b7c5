namespace Router.Backends.Anthropic;

/// <summary>The inside of <c>{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}</c>.</summary>
internal sealed record AnthropicError(string? Type, string? Message);

namespace Router.Backends.Providers;

/// <summary>One chat message; Role is "system", "user" or "assistant".</summary>
public sealed record ChatTurn(string Role, string Content);

using System.Text.Json;

namespace Router.Gateway.Tests;

/// <summary>One request body per endpoint shape, for tests that hold for all of them.</summary>
internal static class Shapes
{
    public static readonly string[] All = ["openai-chat", "openai-completions", "anthropic-messages", "ollama-chat", "ollama-generate"];

    public static string PathOf(string shape) => shape switch
    {
        "openai-chat" => "/v1/chat/completions",
        "openai-completions" => "/v1/completions",
        "anthropic-messages" => "/v1/messages",
        "ollama-chat" => "/api/chat",
        "ollama-generate" => "/api/generate",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    public static string Body(string shape, string model, string prompt, bool stream) => shape switch
    {
        "openai-chat" or "ollama-chat" => JsonSerializer.Serialize(new { model, stream, messages = new[] { new { role = "user", content = prompt } } }),
        "openai-completions" => JsonSerializer.Serialize(new { model, stream, prompt, suffix = "\n" }),
        "anthropic-messages" => JsonSerializer.Serialize(new { model, stream, max_tokens = 64, messages = new[] { new { role = "user", content = prompt } } }),
        "ollama-generate" => JsonSerializer.Serialize(new { model, stream, prompt }),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };
}

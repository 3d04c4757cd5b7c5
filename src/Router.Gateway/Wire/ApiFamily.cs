namespace Router.Gateway.Wire;

/// <summary>Whose API a route speaks, and so which error bodies its clients expect.</summary>
public enum ApiFamily
{
    OpenAi,
    Anthropic,
    Ollama,
}

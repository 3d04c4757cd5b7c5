namespace Router.Core.Configuration;

/// <summary>The API an endpoint speaks.</summary>
public enum ProviderKind
{
    Ollama,
    OpenAi,
    Anthropic,
}

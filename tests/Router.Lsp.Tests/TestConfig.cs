using Router.Core.Configuration;

namespace Router.Lsp.Tests;

/// <summary>Router configurations for tests, written as a user would write router.yaml.</summary>
internal static class TestConfig
{
    public static string Yaml(string codeModel = "qwen2.5-coder:14b", string endpoint = "gpu-box") => $$"""
        endpoints:
          {{endpoint}}:
            provider: ollama
            url: http://127.0.0.1:11434
        tiers:
          quick: { model: "qwen2.5:3b", endpoints: [{{endpoint}}], contextTokens: 8192 }
          code: { model: "{{codeModel}}", endpoints: [{{endpoint}}], contextTokens: 16384 }
          heavy: { model: "qwen2.5-coder:32b", endpoints: [{{endpoint}}], contextTokens: 32768 }
        """;

    public static RouterConfig With(string codeModel = "qwen2.5-coder:14b", string endpoint = "gpu-box")
    {
        ConfigLoadResult loaded = RouterConfigLoader.Load(Yaml(codeModel, endpoint), "test.yaml", _ => null);
        return loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
    }
}

using Router.Core.Configuration;

namespace Router.Core.Tests.Configuration;

/// <summary>Loads test configurations and builds variants of the evaluation's router.yaml.</summary>
internal static class ConfigYaml
{
    public const string Eval = """
        endpoints:
          laptop:
            provider: ollama
            url: http://127.0.0.1:11434
          gpu-box:
            provider: ollama
            url: http://127.0.0.1:11435
          claude:
            provider: anthropic
            apiKeyEnv: TEST_ANTHROPIC_KEY
            cloud: true
        tiers:
          quick:
            model: qwen2.5:3b
            endpoints: [laptop]
            contextTokens: 8192
          code:
            model: qwen2.5-coder:14b
            endpoints: [gpu-box]
            contextTokens: 16384
          reasoning:
            model: deepseek-r1:8b
            endpoints: [gpu-box]
            contextTokens: 16384
          heavy:
            model: qwen2.5-coder:32b
            endpoints: [gpu-box]
            contextTokens: 32768
          frontier:
            model: claude-sonnet-4-5
            endpoints: [claude]
            contextTokens: 200000
            usdPerMillionInput: 3.0
            usdPerMillionOutput: 15.0
          vision:
            model: granite3.2-vision:2b
            endpoints: [gpu-box]
            contextTokens: 8192
        routes:
          completion: code
          explain: quick
          refactor: heavy
          refactorWide: frontier
        fallbacks:
          code: [quick]
          heavy: [code, quick]
          frontier: [heavy]
        escalation: [quick, code, heavy, frontier]
        continuity:
          window: 3
          minCodeTurns: 2
          maxAgeMinutes: 10
        privacy:
          mode: auto
          privatePaths: ["**/.env", "**/*.pem"]
        budget:
          dailyUsd: 5.00
          outputReserveTokens: 1024
        """;

    public static ConfigLoadResult Load(string yaml, Func<string, string?>? environment = null) =>
        RouterConfigLoader.Load(yaml, "router.yaml", environment ?? (_ => "set"));

    public static RouterConfig LoadGood(string yaml)
    {
        ConfigLoadResult result = Load(yaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    /// <summary>The eval config with one line replaced, for targeted validation tests.</summary>
    public static string EvalWith(string oldLine, string newLine)
    {
        Assert.Contains(oldLine, Eval, StringComparison.Ordinal);
        return Eval.Replace(oldLine, newLine, StringComparison.Ordinal);
    }

    public static int LineOf(string yaml, string text) =>
        yaml.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(text, StringComparison.Ordinal)).i + 1;
}

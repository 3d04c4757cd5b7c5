namespace Router.Bench;

/// <summary>The shared evaluation configuration (shared/eval/router.yaml), copied here so the benchmark never depends on a path outside the repo.</summary>
public static class EvalConfig
{
    /// <summary>The YAML text of the evaluation configuration.</summary>
    public const string Yaml = """
# Evaluation configuration: three Ollama hosts and one cloud endpoint.
# Dry runs (router route) must load this without contacting any of them.
endpoints:
  laptop:
    provider: ollama
    url: http://127.0.0.1:11434
  gpu-box:
    provider: ollama
    url: http://127.0.0.1:11435
  cpu-box:
    provider: ollama
    url: http://127.0.0.1:11436
  claude:
    provider: anthropic
    apiKeyEnv: ROUTER_EVAL_ANTHROPIC_KEY
    cloud: true

tiers:
  quick:
    model: qwen2.5:3b
    endpoints: [laptop, cpu-box]
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
    endpoints: [gpu-box, cpu-box]
    contextTokens: 8192

routes:
  completion: code
  explain: quick
  refactor: heavy
  refactorWide: frontier

fallbacks:
  code: [quick]
  reasoning: [quick]
  heavy: [code, quick]
  frontier: [heavy]
  vision: [quick]

escalation: [quick, code, heavy, frontier]

continuity:
  window: 3
  minCodeTurns: 2
  maxAgeMinutes: 10

privacy:
  mode: auto            # auto | local-only
  privatePaths: ["**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/id_rsa*", "**/credentials*", "**/secrets.*"]

budget:
  dailyUsd: 5.00
  outputReserveTokens: 1024

""";
}

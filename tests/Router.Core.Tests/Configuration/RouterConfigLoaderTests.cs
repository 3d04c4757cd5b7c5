using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Core.Tests.Configuration;

public sealed class RouterConfigLoaderTests
{
    [Fact]
    public void Eval_router_yaml_loads_with_its_meaning()
    {
        string path = EvalFiles.RouterYamlPath;
        ConfigLoadResult result = RouterConfigLoader.Load(File.ReadAllText(path), path, _ => null);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        RouterConfig config = result.Config!;
        Assert.Equal(["laptop", "gpu-box", "cpu-box", "claude"], config.Endpoints.Keys);
        Assert.True(config.Endpoints["claude"].Cloud);
        Assert.Equal(ProviderKind.Anthropic, config.Endpoints["claude"].Provider);
        Assert.False(config.Endpoints["laptop"].Cloud);
        Assert.Equal(new Uri("http://127.0.0.1:11435"), config.Endpoints["gpu-box"].Url);
        Assert.Equal(["laptop", "cpu-box"], config.Tiers[Tier.Quick].Endpoints);
        Assert.Equal(200000, config.Tiers[Tier.Frontier].ContextTokens);
        Assert.Equal(15.0, config.Tiers[Tier.Frontier].UsdPerMillionOutput);
        Assert.Equal(Tier.Frontier, config.Routes.RefactorWide);
        Assert.Equal([Tier.Code, Tier.Quick], config.FallbacksOf(Tier.Heavy));
        Assert.Equal([Tier.Quick, Tier.Code, Tier.Heavy, Tier.Frontier], config.Escalation);
        Assert.Equal(new ContinuityConfig(3, 2, 10), config.Continuity);
        Assert.Equal(PrivacyMode.Auto, config.Privacy.Mode);
        Assert.Contains("**/id_rsa*", config.Privacy.PrivatePaths);
        Assert.Equal(new BudgetConfig(5.00, 1024), config.Budget);
    }

    [Fact]
    public void Unset_cloud_key_variable_is_a_warning_not_an_error()
    {
        ConfigLoadResult result = ConfigYaml.Load(ConfigYaml.Eval, _ => null);

        Assert.True(result.Succeeded);
        ConfigDiagnostic warning = Assert.Single(result.Warnings);
        Assert.Equal("endpoints.claude.apiKeyEnv", warning.Key);
        Assert.Equal(ConfigYaml.LineOf(ConfigYaml.Eval, "apiKeyEnv: TEST_ANTHROPIC_KEY"), warning.Line);
        Assert.Contains("TEST_ANTHROPIC_KEY", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_cloud_key_variable_gives_no_diagnostic()
    {
        ConfigLoadResult result = ConfigYaml.Load(ConfigYaml.Eval, name => name == "TEST_ANTHROPIC_KEY" ? "sk-test" : null);

        Assert.Empty(result.Diagnostics);
    }

    public static TheoryData<string, string, string, string> BrokenEdits => new()
    {
        { "  explain: quick", "  explain: quik", "routes.explain", "unknown tier 'quik'" },
        { "    endpoints: [gpu-box]\n    contextTokens: 16384\n  reasoning:", "    endpoints: [gpu-bx]\n    contextTokens: 16384\n  reasoning:", "tiers.code.endpoints[0]", "endpoint 'gpu-bx' is not defined" },
        { "  code: [quick]", "  code: [heavy]", "fallbacks.heavy", "fallback chain loops" },
        { "    contextTokens: 8192\n  code:", "    contextTokens: lots\n  code:", "tiers.quick.contextTokens", "expected a whole number, got 'lots'" },
        { "    provider: ollama\n    url: http://127.0.0.1:11434", "    provider: olama\n    url: http://127.0.0.1:11434", "endpoints.laptop.provider", "unknown provider 'olama'" },
        { "  mode: auto", "  mode: paranoid", "privacy.mode", "unknown mode 'paranoid'" },
        { "  mode: auto", "  mode: auto\n  imagesToCloud: sometimes", "privacy.imagesToCloud", "expected true or false, got 'sometimes'" },
        { "  dailyUsd: 5.00", "  dailyUsd: -1", "budget.dailyUsd", "must be at least 0" },
        { "  minCodeTurns: 2", "  minCodeTurns: 4", "continuity.minCodeTurns", "must not exceed window" },
        { "escalation: [quick, code, heavy, frontier]", "escalation: [quick, code, code]", "escalation[2]", "appears twice" },
        { "  vision:\n    model: granite3.2-vision:2b", "  visual:\n    model: granite3.2-vision:2b", "tiers.visual", "unknown tier 'visual'" },
    };

    [Theory]
    [MemberData(nameof(BrokenEdits))]
    public void Broken_config_error_names_file_line_and_key(string oldText, string newText, string key, string message)
    {
        string yaml = ConfigYaml.EvalWith(oldText, newText);

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        Assert.False(result.Succeeded);
        ConfigDiagnostic error = Assert.Single(result.Errors, e => e.Key == key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("router.yaml", error.File);
        string firstNewLine = newText.Split('\n').First(l => !oldText.Split('\n').Contains(l));
        int expectedLine = key == "fallbacks.heavy" ? ConfigYaml.LineOf(yaml, "heavy: [code, quick]") : ConfigYaml.LineOf(yaml, firstNewLine);
        Assert.Equal(expectedLine, error.Line);
        Assert.StartsWith($"router.yaml:{expectedLine}: error: {key}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fallback_loop_error_spells_out_the_loop()
    {
        ConfigLoadResult result = ConfigYaml.Load(ConfigYaml.EvalWith("  code: [quick]", "  code: [heavy]"));

        Assert.Contains(result.Errors, e => e.Message.Contains("code -> heavy -> code", StringComparison.Ordinal)
            || e.Message.Contains("heavy -> code -> heavy", StringComparison.Ordinal));
    }

    [Fact]
    public void Tier_falling_back_to_itself_is_a_loop()
    {
        ConfigLoadResult result = ConfigYaml.Load(ConfigYaml.EvalWith("  code: [quick]", "  code: [code]"));

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal("fallbacks.code[0]", error.Key);
        Assert.Contains("falls back to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_warnings_and_the_config_is_used()
    {
        string yaml = ConfigYaml.Eval + "\ntelemetry:\n  enabled: false\n";
        yaml = yaml.Replace("    contextTokens: 8192\n  code:", "    contextTokens: 8192\n    temperature: 0.2\n  code:", StringComparison.Ordinal);

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        Assert.True(result.Succeeded);
        Assert.Contains(result.Warnings, w => w.Key == "telemetry" && w.Line == ConfigYaml.LineOf(yaml, "telemetry:"));
        Assert.Contains(result.Warnings, w => w.Key == "tiers.quick.temperature" && w.Line == ConfigYaml.LineOf(yaml, "temperature: 0.2"));
    }

    [Fact]
    public void Invalid_yaml_is_an_error_with_its_line()
    {
        string yaml = "endpoints:\n  laptop:\n    provider: ollama\n   url: [unclosed\n";

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.InRange(error.Line, 3, 5);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_to_a_tier_that_is_not_defined_is_an_error_but_unconfigured_frontier_is_not()
    {
        string withoutReasoning = ConfigYaml.EvalWith("  refactor: heavy", "  refactor: reasoning")
            .Replace("  reasoning:\n    model: deepseek-r1:8b\n    endpoints: [gpu-box]\n    contextTokens: 16384\n", "", StringComparison.Ordinal);
        string withoutFrontier = ConfigYaml.Eval
            .Replace("  frontier:\n    model: claude-sonnet-4-5\n    endpoints: [claude]\n", "  frontier:\n    model: claude-sonnet-4-5\n    endpoints: []\n", StringComparison.Ordinal);

        Assert.Contains(ConfigYaml.Load(withoutReasoning).Errors, e => e.Key == "routes.refactor");
        ConfigLoadResult frontierless = ConfigYaml.Load(withoutFrontier);
        Assert.True(frontierless.Succeeded, string.Join("\n", frontierless.Diagnostics));
        Assert.False(frontierless.Config!.IsConfigured(Tier.Frontier));
    }

    [Fact]
    public void Missing_sections_take_the_built_in_defaults()
    {
        RouterConfig config = ConfigYaml.LoadGood("budget:\n  dailyUsd: 1.5\n");

        Assert.Equal(1.5, config.Budget.DailyUsd);
        Assert.Equal(1024, config.Budget.OutputReserveTokens);
        Assert.Equal("qwen2.5-coder:14b", config.Tiers[Tier.Code].Model);
        Assert.Equal(RouterConfig.Default.Continuity, config.Continuity);
    }

    [Fact]
    public void Hosted_openai_endpoint_without_cloud_flag_counts_as_cloud_and_lan_server_does_not()
    {
        RouterConfig config = ConfigYaml.LoadGood(ConfigYaml.Eval.Replace(
            "  claude:\n",
            "  openai:\n    provider: openai\n    apiKeyEnv: OPENAI_KEY\n  vllm:\n    provider: openai\n    url: http://10.0.0.7:8000/v1\n  claude:\n",
            StringComparison.Ordinal));

        Assert.True(config.Endpoints["openai"].Cloud);
        Assert.False(config.Endpoints["vllm"].Cloud);
    }

    [Fact]
    public void Config_without_any_local_tier_is_an_error()
    {
        const string yaml = """
            endpoints:
              claude: { provider: anthropic, apiKeyEnv: KEY, cloud: true }
            tiers:
              quick: { model: haiku, endpoints: [claude] }
              code: { model: sonnet, endpoints: [claude] }
              reasoning: { model: sonnet, endpoints: [claude] }
              heavy: { model: opus, endpoints: [claude] }
              vision: { model: sonnet, endpoints: [claude] }
            """;

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        Assert.Contains(result.Errors, e => e.Key == "tiers" && e.Message.Contains("local", StringComparison.Ordinal));
    }
}

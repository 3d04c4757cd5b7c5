using Router.Core.Configuration;

namespace Router.Core.Tests.Configuration;

public sealed class BudgetAndBillingConfigTests
{
    private const string Endpoints = """
        endpoints:
          laptop:
            provider: ollama
            url: http://127.0.0.1:11434
          ollama-cloud:
            provider: ollama
            url: https://ollama.com
            apiKeyEnv: OLLAMA_API_KEY
          claude:
            provider: anthropic
            apiKeyEnv: ANTHROPIC_API_KEY
        tiers:
          quick: { model: "qwen2.5:3b", endpoints: [laptop], contextTokens: 8192 }
          heavy: { model: "gpt-oss:120b", endpoints: [ollama-cloud], contextTokens: 131072 }
          frontier: { model: "claude-sonnet-4-5", endpoints: [claude], contextTokens: 200000, usdPerMillionInput: 3, usdPerMillionOutput: 15 }

        """;

    private static ConfigLoadResult Load(string yaml) => ConfigYaml.Load(Endpoints + yaml);

    [Fact]
    public void An_ollama_endpoint_with_a_key_is_a_cloud_endpoint_billed_as_a_subscription()
    {
        RouterConfig config = ConfigYaml.LoadGood(Endpoints);

        EndpointConfig ollamaCloud = config.Endpoints["ollama-cloud"];
        Assert.True(ollamaCloud.Cloud);
        Assert.Equal(Billing.Subscription, ollamaCloud.Billing);
        Assert.Equal(Billing.Free, config.Endpoints["laptop"].Billing);
        Assert.Equal(Billing.Metered, config.Endpoints["claude"].Billing);
        Assert.False(config.OrdersByBilling);
    }

    [Fact]
    public void A_declared_billing_is_kept_and_turns_on_the_billing_order()
    {
        RouterConfig config = ConfigYaml.LoadGood(Endpoints.Replace(
            "url: http://127.0.0.1:11434", "url: http://127.0.0.1:11434\n    billing: subscription", StringComparison.Ordinal));

        Assert.Equal(Billing.Subscription, config.Endpoints["laptop"].Billing);
        Assert.True(config.OrdersByBilling);
    }

    [Theory]
    [InlineData("lean", 1, 10)]
    [InlineData("balanced", 5, 50)]
    [InlineData("scale-up", 25, 300)]
    public void A_budget_preset_sets_the_daily_and_monthly_limits(string preset, double daily, double monthly)
    {
        RouterConfig config = Load($"budget: {{ preset: {preset} }}").Config!;

        Assert.Equal((daily, (double?)monthly, preset), (config.Budget.DailyUsd, config.Budget.MonthlyUsd, config.Budget.Preset));
        Assert.True(config.OrdersByBilling);
    }

    [Fact]
    public void Keys_beside_a_preset_override_it()
    {
        RouterConfig config = Load("budget: { preset: balanced, dailyUsd: 2, monthlyUsd: 20 }").Config!;

        Assert.Equal((2.0, (double?)20.0, Billing.Subscription), (config.Budget.DailyUsd, config.Budget.MonthlyUsd, config.Budget.EscalationBilling));
    }

    [Fact]
    public void Without_a_ledger_section_rows_are_kept_ninety_days()
    {
        Assert.Equal(90, ConfigYaml.LoadGood(Endpoints).Ledger.RetentionDays);
        Assert.Equal(30, Load("ledger: { retentionDays: 30 }").Config!.Ledger.RetentionDays);
    }

    [Theory]
    [InlineData("budget: { preset: frugal }", "budget.preset", "unknown budget preset 'frugal' (lean, balanced or scale-up)")]
    [InlineData("budget: { monthlyUsd: -1 }", "budget.monthlyUsd", "at least 0")]
    [InlineData("ledger: { retentionDays: 0 }", "ledger.retentionDays", "at least 1")]
    [InlineData("ledger: { retentionDays: forever }", "ledger.retentionDays", "expected a whole number")]
    public void A_bad_budget_or_ledger_value_is_an_error_naming_its_key_and_line(string yaml, string key, string message)
    {
        ConfigLoadResult result = Load(yaml);

        Assert.Null(result.Config);
        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigYaml.LineOf(Endpoints + yaml, yaml[..yaml.IndexOf(':', StringComparison.Ordinal)] + ":"), error.Line);
    }

    [Fact]
    public void An_unknown_billing_is_an_error_on_its_line()
    {
        string yaml = Endpoints.Replace("apiKeyEnv: OLLAMA_API_KEY", "apiKeyEnv: OLLAMA_API_KEY\n    billing: prepaid", StringComparison.Ordinal);

        ConfigDiagnostic error = Assert.Single(ConfigYaml.Load(yaml).Errors);

        Assert.Equal("endpoints.ollama-cloud.billing", error.Key);
        Assert.Equal(ConfigYaml.LineOf(yaml, "billing: prepaid"), error.Line);
        Assert.Contains("free, subscription or metered", error.Message, StringComparison.Ordinal);
    }
}

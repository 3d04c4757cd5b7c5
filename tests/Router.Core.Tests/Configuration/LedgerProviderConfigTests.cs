using Router.Core.Configuration;

namespace Router.Core.Tests.Configuration;

public sealed class LedgerProviderConfigTests
{
    private const string Endpoints = """
        endpoints:
          laptop: { provider: ollama, url: http://127.0.0.1:11434 }
        tiers:
          quick: { model: "qwen2.5:3b", endpoints: [laptop], contextTokens: 8192 }

        """;

    private static ConfigLoadResult Load(string yaml, string? url = "Host=db;Username=router") =>
        RouterConfigLoader.Load(Endpoints + yaml, "router.yaml", name => name == "ROUTER_LEDGER_URL" ? url : null);

    [Fact]
    public void Without_a_provider_the_ledger_is_sqlite_on_this_machine()
    {
        LedgerConfig ledger = Load("").Config!.Ledger;

        Assert.Equal(LedgerProvider.Sqlite, ledger.Provider);
        Assert.Null(ledger.ConnectionEnv);
        Assert.False(ledger.ShareNames);
    }

    [Fact]
    public void A_postgres_ledger_names_the_variable_holding_its_connection_string()
    {
        LedgerConfig ledger = Load("ledger: { provider: postgres, connectionEnv: ROUTER_LEDGER_URL, shareNames: true }").Config!.Ledger;

        Assert.Equal(LedgerProvider.Postgres, ledger.Provider);
        Assert.Equal("ROUTER_LEDGER_URL", ledger.ConnectionEnv);
        Assert.True(ledger.ShareNames);
    }

    [Theory]
    [InlineData("ledger: { provider: mysql }", "ledger.provider", "unknown ledger provider 'mysql' (sqlite, postgres)")]
    [InlineData("ledger: { provider: postgres }", "ledger.connectionEnv", "needs connectionEnv")]
    [InlineData("ledger: { provider: postgres, connectionEnv: ROUTER_LEDGER_URL, shareNames: maybe }", "ledger.shareNames", "expected true or false")]
    public void A_bad_ledger_section_is_an_error_naming_its_key_and_line(string yaml, string key, string message)
    {
        ConfigLoadResult result = Load(yaml);

        Assert.Null(result.Config);
        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigYaml.LineOf(Endpoints + yaml, "ledger:"), error.Line);
    }

    [Fact]
    public void An_unset_connection_variable_is_an_error_naming_the_variable()
    {
        ConfigDiagnostic error = Assert.Single(Load("ledger: { provider: postgres, connectionEnv: ROUTER_LEDGER_URL }", url: null).Errors);

        Assert.Equal("ledger.connectionEnv", error.Key);
        Assert.Contains("ROUTER_LEDGER_URL is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_written_into_the_file_is_refused_without_repeating_it()
    {
        string yaml = "ledger:\n  provider: postgres\n  connectionEnv: \"Host=db;Password=hunter2\"\n";

        ConfigDiagnostic error = Assert.Single(Load(yaml).Errors);

        Assert.Equal("ledger.connectionEnv", error.Key);
        Assert.Equal(ConfigYaml.LineOf(Endpoints + yaml, "  connectionEnv:"), error.Line);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }
}

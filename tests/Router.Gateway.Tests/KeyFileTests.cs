using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Gateway.Keys;

namespace Router.Gateway.Tests;

/// <summary>The keys file: YAML or JSON, hashes only, and every mistake named by file, line and key.</summary>
public sealed class KeyFileTests
{
    private static readonly string Hash = KeyHash.Of("sk-team");

    [Fact]
    public void A_yaml_keys_file_reads_each_keys_name_hash_tiers_budget_and_rate()
    {
        (GatewayKeyRing? ring, IReadOnlyList<ConfigDiagnostic> problems) = GatewayKeyFile.Parse($"""
            keys:
              - name: team
                hash: {Hash}
                tiers: [quick, code]
                dailyUsd: 2.5
                requestsPerMinute: 60
              - name: ci
                hash: {KeyHash.Of("sk-ci")}
            """, "keys.yaml");

        Assert.Empty(problems);
        GatewayKey team = ring!.Find("sk-team")!;
        Assert.Equal(("team", 2.5, 60), (team.Name, team.DailyUsd!.Value, team.RequestsPerMinute!.Value));
        Assert.True(team.Allows(Tier.Code));
        Assert.False(team.Allows(Tier.Frontier));
        Assert.True(ring.Find("sk-ci")!.Allows(Tier.Frontier));
        Assert.Null(ring.Find("sk-nobody"));
    }

    [Fact]
    public void A_json_keys_file_reads_the_same()
    {
        (GatewayKeyRing? ring, IReadOnlyList<ConfigDiagnostic> problems) = GatewayKeyFile.Parse(
            $$"""{"keys":[{"name":"team","hash":"{{Hash}}","tiers":["quick"],"dailyUsd":1}]}""", "keys.json");

        Assert.Empty(problems);
        Assert.Equal("team", ring!.Find("sk-team")!.Name);
    }

    [Theory]
    [InlineData("keys:\n  - name: team\n    hash: sk-team\n", "keys.yaml:3: error: keys[0].hash: must be 'sha256:' and 64 hex digits, the hash of the key, never the key itself")]
    [InlineData("keys:\n  - name: team\n    hash: HASH\n    tiers: [quick, cod]\n", "keys.yaml:4: error: keys[0].tiers[1]: unknown tier 'cod'")]
    [InlineData("keys:\n  - name: team\n    hash: HASH\n    dailyUsd: lots\n", "keys.yaml:4: error: keys[0].dailyUsd: must be a number of dollars")]
    [InlineData("keys:\n  - name: team\n    hash: HASH\n    requestsPerMinute: 0\n", "keys.yaml:4: error: keys[0].requestsPerMinute: must be a whole number above 0")]
    [InlineData("keys:\n  - name: team\n    hash: HASH\n    colour: red\n", "keys.yaml:4: error: keys[0].colour: unknown setting")]
    [InlineData("keys:\n  - hash: HASH\n", "keys.yaml:2: error: keys[0].name: a name is required")]
    [InlineData("keys:\n  - name: a\n    hash: HASH\n  - name: a\n    hash: OTHER\n", "keys.yaml:4: error: keys[1].name: 'a' names two keys")]
    [InlineData("users: []\n", "keys.yaml:1: error: keys: the file must hold 'keys:'")]
    [InlineData("keys: [\n", "keys.yaml:2: error: not valid YAML or JSON")]
    public void Each_mistake_names_the_file_line_and_key(string text, string expected)
    {
        (GatewayKeyRing? ring, IReadOnlyList<ConfigDiagnostic> problems) = GatewayKeyFile.Parse(
            text.Replace("HASH", Hash, StringComparison.Ordinal).Replace("OTHER", KeyHash.Of("sk-other"), StringComparison.Ordinal), "keys.yaml");

        Assert.Null(ring);
        Assert.Contains(problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        (GatewayKeyRing? ring, IReadOnlyList<ConfigDiagnostic> problems) = GatewayKeyFile.Load("/nonexistent/keys.yaml");

        Assert.Null(ring);
        Assert.StartsWith("/nonexistent/keys.yaml: error: cannot read the keys file", Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Router.Cli.Commands;
using Router.Cli.ConfigShow;

namespace Router.Cli.Tests.ConfigShow;

/// <summary>`router config show`: every value in force, with the router.yaml line that set it or "default".</summary>
public sealed class ConfigShowCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("router-config-show-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Yaml = """
        endpoints:
          box:
            provider: ollama
            url: http://127.0.0.1:11434
        tiers:
          quick: { model: "qwen2.5:3b", endpoints: [box] }
          code:
            model: qwen2.5-coder:14b
            endpoints: [box]
            contextTokens: 8192
          reasoning: { model: "deepseek-r1:8b", endpoints: [box] }
          heavy: { model: "qwen2.5-coder:32b", endpoints: [box] }
          vision: { model: "granite3.2-vision:2b", endpoints: [box] }
        continuity:
          window: 5
        """;

    private async Task<(int Exit, string Output, string Error)> ShowAsync(string? config, bool json = false)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await ConfigCommand.ShowAsync(config, json, stdout, stderr, _dir, _ => null, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Line(string output, string key) =>
        output.Split('\n').Single(l => l.StartsWith(key + " ", StringComparison.Ordinal));

    [Fact]
    public async Task A_value_from_the_file_names_its_line_and_one_it_leaves_out_says_default()
    {
        File.WriteAllText(Path.Combine(_dir, "router.yaml"), Yaml);

        var (exit, output, error) = await ShowAsync(null);

        Assert.True(exit == 0, error);
        Assert.Contains("qwen2.5-coder:14b", Line(output, "tiers.code.model"), StringComparison.Ordinal);
        Assert.EndsWith("router.yaml:8", Line(output, "tiers.code.model").TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("router.yaml:10", Line(output, "tiers.code.contextTokens").TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("router.yaml:6", Line(output, "tiers.quick.model").TrimEnd(), StringComparison.Ordinal);

        // quick leaves contextTokens out, so the tier's default applies; continuity sets window only.
        Assert.Matches(@"^tiers\.quick\.contextTokens\s+8192\s+default$", Line(output, "tiers.quick.contextTokens").TrimEnd());
        Assert.Matches(@"^continuity\.window\s+5\s+router\.yaml:15$", Line(output, "continuity.window").TrimEnd());
        Assert.Matches(@"^continuity\.minCodeTurns\s+2\s+default$", Line(output, "continuity.minCodeTurns").TrimEnd());
        Assert.Matches(@"^routes\.completion\s+code\s+default$", Line(output, "routes.completion").TrimEnd());
    }

    [Fact]
    public async Task Without_a_file_every_value_is_the_built_in_default()
    {
        var (exit, output, error) = await ShowAsync(null, json: true);

        Assert.True(exit == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal("(built-in default)", report.GetProperty("source").GetString());
        var values = report.GetProperty("values").EnumerateArray().ToList();
        Assert.Contains(values, v => v.GetProperty("key").GetString() == "endpoints.local.url" && v.GetProperty("value").GetString() == "http://localhost:11434/");
        Assert.All(values, v => Assert.Equal("default", v.GetProperty("origin").GetString()));
    }

    [Fact]
    public async Task An_unusable_file_exits_2_with_its_error()
    {
        string path = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(path, "tiers:\n  code: { model: x, endpoints: [nowhere] }\n");

        var (exit, _, error) = await ShowAsync(path);

        Assert.Equal(2, exit);
        Assert.Contains("broken.yaml:2: error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_lines_follow_nesting_and_flow_mappings_and_skip_sequence_items()
    {
        var lines = ConfigKeyLines.Read("a:\n  b: 1\n  c: { d: 2 }\nlist:\n  - e: 3\n");

        Assert.Equal(1, lines["a"]);
        Assert.Equal(2, lines["a.b"]);
        Assert.Equal(3, lines["a.c.d"]);
        Assert.Equal(4, lines["list"]);
        Assert.DoesNotContain("list.e", lines.Keys);
    }
}

using System.Text.Json;
using Router.Cli.Commands;
using Router.Cli.ConfigShow;
using Router.Core.Configuration;

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

    private async Task<(int Exit, string Output, string Error)> ShowAsync(string? config, bool json = false, string? settings = null)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await ConfigCommand.ShowAsync(new ConfigShowInvocation(config, settings, json), stdout, stderr, _dir, _ => null, CancellationToken.None);
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

    [Theory]
    [InlineData("""
        // VS Code's settings.json, comments and a trailing comma included
        { "router.models.chat": "llama3.1:8b", "router.privacy.localOnly": true, "router.budget.dailyUsd": 0.5, "editor.tabSize": 2, }
        """)]
    [InlineData("""{ "router": { "models": { "chat": "llama3.1:8b" }, "privacy": { "localOnly": true }, "budget": { "dailyUsd": 0.5 } } }""")]
    [InlineData("""{ "models": { "chat": "llama3.1:8b" }, "privacy": { "localOnly": true }, "budget": { "dailyUsd": 0.5 } }""")]
    public async Task Editor_settings_from_a_file_are_the_origin_of_what_they_change(string settingsJson)
    {
        File.WriteAllText(Path.Combine(_dir, "router.yaml"), Yaml + "\nbudget:\n  dailyUsd: 3\n");
        File.WriteAllText(Path.Combine(_dir, "settings.json"), settingsJson);

        var (exit, output, error) = await ShowAsync(null, settings: "settings.json");

        Assert.True(exit == 0, error);
        Assert.Contains("editor settings: settings.json", output, StringComparison.Ordinal);
        Assert.Matches(@"^models\.chat\s+llama3\.1:8b\s+editor setting router\.models\.chat$", Line(output, "models.chat").TrimEnd());
        Assert.Matches(@"^models\.completion\s+\(as routed\)\s+default$", Line(output, "models.completion").TrimEnd());
        Assert.Matches(@"^privacy\.mode\s+local-only\s+editor setting router\.privacy\.localOnly$", Line(output, "privacy.mode").TrimEnd());
        Assert.Matches(@"^budget\.dailyUsd\s+0\.5\s+editor setting router\.budget\.dailyUsd$", Line(output, "budget.dailyUsd").TrimEnd());
        Assert.Matches(@"^tiers\.code\.model\s+qwen2\.5-coder:14b\s+router\.yaml:8$", Line(output, "tiers.code.model").TrimEnd());
    }

    [Fact]
    public async Task Without_settings_the_file_stays_the_origin_and_the_editors_own_values_are_defaults()
    {
        File.WriteAllText(Path.Combine(_dir, "router.yaml"), Yaml + "\nbudget:\n  dailyUsd: 3\n");

        var (exit, output, error) = await ShowAsync(null, json: true);

        Assert.True(exit == 0, error);
        var values = JsonDocument.Parse(output).RootElement.GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("key").GetString()!, v => (v.GetProperty("value").GetString(), v.GetProperty("origin").GetString()));
        Assert.Equal(("3", "router.yaml:17"), values["budget.dailyUsd"]);
        Assert.Equal(("(as routed)", "default"), values["models.chat"]);
        Assert.Equal(("true", "default"), values["completion.enabled"]);
    }

    [Theory]
    [InlineData("[1, 2]", "expected a JSON object of settings")]
    [InlineData("{ \"router.models.chat\": ", "not JSON")]
    public async Task A_settings_file_that_is_not_an_object_of_settings_exits_2_saying_why(string content, string why)
    {
        File.WriteAllText(Path.Combine(_dir, "settings.json"), content);

        var (exit, output, error) = await ShowAsync(null, settings: "settings.json");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("settings.json: " + why, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_settings_file_exits_2_naming_it()
    {
        var (exit, _, error) = await ShowAsync(null, settings: "nowhere.json");

        Assert.Equal(2, exit);
        Assert.Contains("nowhere.json: cannot read the file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_lines_follow_nesting_and_flow_mappings_and_skip_sequence_items()
    {
        var lines = RouterConfigLoader.Load("a:\n  b: 1\n  c: { d: 2 }\nlist:\n  - e: 3\n", "router.yaml", _ => null).Config!.KeyLines;

        Assert.Equal(1, lines["a"]);
        Assert.Equal(2, lines["a.b"]);
        Assert.Equal(3, lines["a.c.d"]);
        Assert.Equal(4, lines["list"]);
        Assert.DoesNotContain("list.e", lines.Keys);
    }
}

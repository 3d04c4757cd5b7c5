using System.Text.Json;
using Router.Cli.Commands;
using Router.Cli.Routing;

namespace Router.Cli.Tests.Routing;

public sealed class RouteCommandTests : IDisposable
{
    private const string GoodConfig = """
        endpoints:
          box:
            provider: ollama
            url: http://127.0.0.1:11434
        tiers:
          quick: { model: small, endpoints: [box], contextTokens: 8192 }
          code: { model: coder, endpoints: [box], contextTokens: 16384 }
          reasoning: { model: thinker, endpoints: [box], contextTokens: 16384 }
          heavy: { model: big, endpoints: [box], contextTokens: 32768 }
          vision: { model: eyes, endpoints: [box], contextTokens: 8192 }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("router-route-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<(int Exit, string Out, string Err)> Run(RouteInvocation invocation)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await RouteCommand.RunAsync(invocation, stdout, stderr, _dir, _ => null, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static RouteInvocation Batch(string config, string batch) => new(config, batch, true, "chat", null, null, null);

    [Fact]
    public async Task Batch_writes_one_line_per_request_in_order_and_reports_bad_lines_without_stopping()
    {
        string config = Write("router.yaml", GoodConfig);
        string batch = Write("requests.jsonl", string.Join('\n',
            """{"id": "a", "kind": "completion", "prefix": "def f():\n    return "}""",
            """{"id": "b", "kind": "chat", "text": "Prove that there are infinitely many primes."}""",
            """this is not json""",
            """{"kind": "chat", "text": "no id"}""",
            """{"id": "e", "text": "no kind"}""",
            """{"id": "f", "kind": "poem"}""",
            """{"id": "g", "kind": "explain", "text": "x = [i * i for i in range(10)]"}"""));

        (int exit, string output, _) = await Run(Batch(config, batch));

        Assert.Equal(0, exit);
        JsonElement[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(7, lines.Length);
        Assert.Equal("a", lines[0].GetProperty("id").GetString());
        Assert.Equal("code", lines[0].GetProperty("tier").GetString());
        Assert.Equal("coder", lines[0].GetProperty("model").GetString());
        Assert.Equal("box", lines[0].GetProperty("endpoint").GetString());
        Assert.False(lines[0].GetProperty("localOnly").GetBoolean());
        Assert.True(lines[0].GetProperty("estimatedPromptTokens").GetInt32() > 0);
        Assert.Equal("kind completion", lines[0].GetProperty("reasons")[0].GetString());
        Assert.Equal("reasoning", lines[1].GetProperty("tier").GetString());
        Assert.Contains("not valid JSON", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("id", lines[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("e", lines[4].GetProperty("id").GetString());
        Assert.Contains("kind", lines[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("poem", lines[5].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("quick", lines[6].GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Broken_config_exits_2_naming_the_file_line_and_problem()
    {
        string config = Write("broken.yaml", GoodConfig.Replace("endpoints: [box], contextTokens: 16384", "endpoints: [gpu], contextTokens: 16384", StringComparison.Ordinal));
        string batch = Write("requests.jsonl", """{"id": "a", "kind": "chat", "text": "hi"}""");

        (int exit, string output, string errors) = await Run(Batch(config, batch));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"{config}:7: error: tiers.code.endpoints[0]: endpoint 'gpu' is not defined", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_with_an_unclosed_bracket_exits_2_naming_the_file_line_and_key()
    {
        string config = Write("broken.yaml", GoodConfig + "\nescalation: [quick, code, heavy\nbudget:\n  dailyUsd: 1\n");
        string batch = Write("requests.jsonl", """{"id": "a", "kind": "chat", "text": "hi"}""");

        (int exit, string output, string errors) = await Run(Batch(config, batch));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"{config}:11: error: escalation: not valid YAML", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("exception", errors, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Binary_config_exits_2_naming_the_file_and_line()
    {
        string config = Path.Combine(_dir, "binary.yaml");
        byte[] junk = new byte[2048];
        new Random(5).NextBytes(junk);
        File.WriteAllBytes(config, [.. "budget:\n"u8, .. junk]);

        (int exit, _, string errors) = await Run(Batch(config, Write("requests.jsonl", "")));

        Assert.Equal(2, exit);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(config)}:\d+: error: .*not UTF-8", errors);
    }

    [Fact]
    public async Task Missing_config_file_exits_2()
    {
        (int exit, _, string errors) = await Run(Batch(Path.Combine(_dir, "nope.yaml"), Write("r.jsonl", "")));

        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_prompt_prints_a_readable_table()
    {
        (int exit, string output, _) = await Run(new RouteInvocation(null, null, false, "explain", "src/app.py", "python", "why is this slow"));

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^tier\s+quick$", output);
        Assert.Matches(@"(?m)^model\s+qwen2\.5:3b$", output);
        Assert.Matches(@"(?m)^endpoint\s+local$", output);
        Assert.Matches(@"(?m)^localOnly\s+no$", output);
        Assert.Matches(@"(?m)^reasons\s+kind explain$", output);
        Assert.Matches(@"(?m)^fallbacks\s+", output);
        Assert.Matches(@"(?m)^escalation\s+code -> heavy$", output);
        Assert.Contains("(built-in default)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_router_yaml_is_used_when_no_config_is_given()
    {
        Write("router.yaml", GoodConfig);

        (int exit, string output, _) = await Run(new RouteInvocation(null, null, true, "chat", null, null, "hello"));

        Assert.Equal(0, exit);
        Assert.Equal("small", JsonDocument.Parse(output).RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Unknown_kind_in_the_human_form_is_a_usage_error()
    {
        (int exit, _, string errors) = await Run(new RouteInvocation(null, null, false, "poem", null, null, "roses"));

        Assert.Equal(1, exit);
        Assert.Contains("poem", errors, StringComparison.Ordinal);
    }
}

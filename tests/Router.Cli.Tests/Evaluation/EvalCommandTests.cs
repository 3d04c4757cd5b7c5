using System.Globalization;
using System.Text.Json;
using Router.Cli.Commands;
using Router.Cli.Evaluation;
using Router.Cli.Tests.Processes;

namespace Router.Cli.Tests.Evaluation;

public sealed class EvalCommandTests : IDisposable
{
    // Local tiers on one box and a cloud frontier, so a wide refactor can go to the cloud and a private one cannot.
    private const string Config = """
        endpoints:
          box:
            provider: ollama
            url: http://127.0.0.1:11434
          cloud:
            provider: anthropic
            apiKeyEnv: TEST_CLOUD_KEY
            cloud: true
        tiers:
          quick: { model: small, endpoints: [box], contextTokens: 8192 }
          code: { model: coder, endpoints: [box], contextTokens: 16384 }
          reasoning: { model: thinker, endpoints: [box], contextTokens: 16384 }
          heavy: { model: big, endpoints: [box], contextTokens: 32768 }
          frontier: { model: cloud-model, endpoints: [cloud], contextTokens: 200000 }
          vision: { model: eyes, endpoints: [box], contextTokens: 8192 }
        routes:
          completion: code
          explain: quick
          refactor: heavy
          refactorWide: frontier
        privacy:
          privatePaths: ["**/.env"]
        """;

    // Seven cases whose decisions follow from the kind and the private path alone (completion: code, explain: quick,
    // refactor: heavy; a .env file is private), labelled so that one tier is wrong, one private case leaks and one public
    // case is decided private.
    private static readonly string[] MixedCases =
    [
        LabelledCase.Line("c1", "completion", "de", "completion", ["code"], false, prefix: "def total(items):\n    return "),
        LabelledCase.Line("c2", "explain", "de", "explain", ["quick"], false, text: "x = [i * i for i in range(10)]"),
        LabelledCase.Line("c3", "refactor", "fr", "refactor", ["heavy"], false, text: "Rename this variable.\n\ncount = 0"),
        LabelledCase.Line("c4", "explain", "fr", "explain", ["heavy"], false, text: "print(len(rows))"),
        LabelledCase.Line("c5", "privacy", null, "explain", ["quick"], true, text: "DEBUG=false", file: "app/.env"),
        LabelledCase.Line("c6", "privacy", null, "explain", ["quick"], true, text: "y = 2"),
        LabelledCase.Line("c7", "privacy-trap", null, "explain", ["quick"], false, text: "LOG_LEVEL=info", file: "deploy/.env"),
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("router-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string Cases(params string[] lines) => Write("cases.jsonl", string.Join('\n', lines) + "\n");

    private async Task<(int Exit, string Out, string Err)> Run(
        string? cases, bool json = false, bool showMisses = false, EvalThresholds? thresholds = null, string? config = null)
    {
        config ??= Write("router.yaml", Config);
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        EvalInvocation invocation = new(cases, config, thresholds ?? EvalThresholds.None, json, showMisses);
        int exit = await EvalCommand.RunAsync(invocation, stdout, stderr, _dir, _ => "test-key", CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Text_report_counts_each_category_and_language_and_ends_with_the_passed_and_failed_line()
    {
        (int exit, string output, string errors) = await Run(Cases(MixedCases));

        Assert.True(exit == 0, errors);
        // name, tier right, %, passed (tier and privacy), %
        Assert.Matches(@"(?m)^completion\s+1/1\s+100\.0%\s+1/1\s+100\.0%$", output);
        Assert.Matches(@"(?m)^explain\s+1/2\s+50\.0%\s+1/2\s+50\.0%$", output);
        Assert.Matches(@"(?m)^refactor\s+1/1\s+100\.0%\s+1/1\s+100\.0%$", output);
        Assert.Matches(@"(?m)^privacy\s+2/2\s+100\.0%\s+1/2\s+50\.0%$", output);
        Assert.Matches(@"(?m)^privacy-trap\s+1/1\s+100\.0%\s+0/1\s+0\.0%$", output);
        Assert.Matches(@"(?m)^de\s+2/2\s+100\.0%\s+2/2\s+100\.0%$", output);
        Assert.Matches(@"(?m)^fr\s+1/2\s+50\.0%\s+1/2\s+50\.0%$", output);
        Assert.Matches(@"(?m)^en\s+3/3\s+100\.0%\s+1/3\s+33\.3%$", output);
        Assert.Matches(@"(?m)^tier accuracy\s+85\.7% \(6/7\)$", output);
        Assert.Matches(@"(?m)^7 cases in \d+\.\d\d s", output);
        Assert.EndsWith("\neval: 4 passed, 3 failed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_case_decided_public_is_a_leak_and_public_case_decided_private_is_false_private()
    {
        (_, string output, _) = await Run(Cases(MixedCases), showMisses: true);

        Assert.Matches(@"(?m)^privacy recall\s+50\.0% \(1/2 ", output);
        Assert.Matches(@"(?m)^leaks\s+1$", output);
        Assert.Matches(@"(?m)^false-private\s+20\.0% \(1/5 ", output);
        Assert.Matches(@"(?m)^  c6  privacy  en  expected quick localOnly, decided quick  \[leak\]", output);
        Assert.Matches(@"(?m)^  c7  privacy-trap  en  expected quick, decided quick localOnly  \[false-private\]", output);
        Assert.Matches(@"(?m)^  c4  explain  fr  expected heavy, decided quick  \[tier\]", output);
    }

    [Fact]
    public async Task Private_case_routed_to_the_cloud_tier_is_a_leak()
    {
        // Labelled private, but nothing in it looks private to the router: a wide refactor, decided frontier.
        string wide = LabelledCase.Line("w1", "privacy", "en", "refactor", ["heavy"], true,
            text: "Move every module of this service to hexagonal architecture.", files: ["a.py", "b.py", "c.py", "d.py"]);

        (_, string output, _) = await Run(Cases(wide), json: true);

        JsonElement root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("frontier", root.GetProperty("misses")[0].GetProperty("tier").GetString());
        Assert.Equal(1, root.GetProperty("overall").GetProperty("leaks").GetInt32());
        Assert.Equal(0, root.GetProperty("overall").GetProperty("keptLocal").GetInt32());
    }

    [Theory]
    [InlineData(0.9, null, 1.0, "--min-accuracy")]
    [InlineData(0.0, 0, 1.0, "--max-leaks")]
    [InlineData(0.0, null, 0.1, "--max-false-private")]
    public async Task A_missed_threshold_exits_1_and_names_the_threshold(double minAccuracy, int? maxLeaks, double maxFalsePrivate, string option)
    {
        (int exit, string output, string errors) = await Run(Cases(MixedCases), thresholds: new EvalThresholds(minAccuracy, maxLeaks, maxFalsePrivate));

        Assert.Equal(1, exit);
        Assert.Contains(option, errors, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n'), l => l.StartsWith("router eval: FAILED:", StringComparison.Ordinal));
        Assert.EndsWith("eval: 4 passed, 3 failed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thresholds_that_hold_exit_0()
    {
        // 6/7 right, 1 leak, 1/5 false-private: each threshold exactly met.
        (int exit, _, string errors) = await Run(Cases(MixedCases), thresholds: new EvalThresholds(6.0 / 7, 1, 0.2));

        Assert.True(exit == 0, errors);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_file_and_line_number_fail_the_run_and_the_rest_is_scored()
    {
        string path = Cases(
            MixedCases[0],
            "this is not json",
            "",
            """{"id": "n1", "kind": "chat", "text": "hello"}""",
            """{"id": "n2", "kind": "chat", "text": "hi", "expect": {"tiers": ["quik"], "localOnly": false}}""",
            """{"id": "n3", "text": "no kind", "expect": {"tiers": ["quick"], "localOnly": false}}""",
            MixedCases[1]);

        (int exit, string output, string errors) = await Run(path);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:2: error: not valid JSON", errors, StringComparison.Ordinal);
        Assert.Contains($"{path}:4: error: case n1: missing \"expect\"", errors, StringComparison.Ordinal);
        Assert.Contains($"{path}:5: error: case n2: unknown tier \"quik\"", errors, StringComparison.Ordinal);
        Assert.Contains($"{path}:6: error: case n3 cannot be routed: missing \"kind\"", errors, StringComparison.Ordinal);
        Assert.Contains("3 case line(s) could not be read", errors, StringComparison.Ordinal);
        Assert.Contains("1 case(s) could not be routed", errors, StringComparison.Ordinal);
        // Three scored cases (c1, c2 right; n3 unrouted counts against accuracy as in score.py) and three unusable lines.
        Assert.Matches(@"(?m)^tier accuracy\s+66\.7% \(2/3\)$", output);
        Assert.EndsWith("eval: 2 passed, 4 failed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_one_object_with_the_figures_of_the_text_report()
    {
        string cases = Cases(MixedCases);
        (int textExit, string text, _) = await Run(cases);
        (int jsonExit, string json, _) = await Run(cases, json: true);

        Assert.Equal(textExit, jsonExit);
        Assert.Single(json.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        JsonElement root = JsonDocument.Parse(json).RootElement;
        JsonElement overall = root.GetProperty("overall");
        Assert.Contains($"tier accuracy    {Percent(overall.GetProperty("tierAccuracy"))} ({overall.GetProperty("tierRight").GetInt32()}/{overall.GetProperty("cases").GetInt32()})", text, StringComparison.Ordinal);
        Assert.Contains($"privacy recall   {Percent(overall.GetProperty("privacyRecall"))} ({overall.GetProperty("keptLocal").GetInt32()}/{overall.GetProperty("privateCases").GetInt32()} ", text, StringComparison.Ordinal);
        Assert.Contains($"leaks            {overall.GetProperty("leaks").GetInt32()}\n", text, StringComparison.Ordinal);
        Assert.Contains($"false-private    {Percent(overall.GetProperty("falsePrivate"))} ({overall.GetProperty("falsePrivateCases").GetInt32()}/{overall.GetProperty("publicCases").GetInt32()} ", text, StringComparison.Ordinal);
        Assert.EndsWith($"eval: {root.GetProperty("passed").GetInt32()} passed, {root.GetProperty("failed").GetInt32()} failed\n", text, StringComparison.Ordinal);
        foreach (string group in new[] { "categories", "languages" })
        {
            foreach (JsonElement score in root.GetProperty(group).EnumerateArray())
            {
                int cases2 = score.GetProperty("cases").GetInt32();
                Assert.Matches($@"(?m)^{score.GetProperty("name").GetString()}\s+{score.GetProperty("tierRight").GetInt32()}/{cases2}\s+{Percent(score.GetProperty("tierAccuracy"))}\s+{score.GetProperty("passed").GetInt32()}/{cases2}\s", text);
            }
        }

        Assert.Equal(["c4", "c6", "c7"], root.GetProperty("misses").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(5, root.GetProperty("categories").GetArrayLength());
        Assert.Equal(3, root.GetProperty("languages").GetArrayLength());
        Assert.True(root.GetProperty("elapsedMilliseconds").GetInt64() >= 0);

        static string Percent(JsonElement fraction) => fraction.GetDouble().ToString("0.0%", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Misses_of_private_cases_show_ids_labels_and_reasons_but_never_the_case_text()
    {
        // A private case (its file is a .env) whose text holds a made-up secret and words a reason could quote.
        string secret = "sk_live_" + new string([.. Enumerable.Range(0, 24).Select(i => (char)('a' + (i * 7 % 26)))]);
        string text = $"Move every module of the billing service to hexagonal architecture; the key is {secret} (zebra-quokka note).";
        string privateMiss = LabelledCase.Line("p1", "privacy-positive", "it", "refactor", ["frontier"], true,
            text: text, file: "billing/.env", files: ["a.py", "b.py", "c.py", "d.py"]);

        (int exit, string output, string errors) = await Run(Cases(privateMiss), showMisses: true);
        (_, string json, string jsonErrors) = await Run(Cases(privateMiss), json: true);

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^  p1  privacy-positive  it  expected frontier localOnly, decided heavy localOnly  \[tier\]", output);
        Assert.Matches(@"(?m)^      reasons: kind refactor; private: .*\.env", output);
        foreach (string shown in new[] { output, errors, json, jsonErrors })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
            Assert.DoesNotContain("zebra", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("billing service", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("hexagonal", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_directory_is_read_file_by_file_and_eval_cases_is_the_default()
    {
        Write(Path.Combine("eval", "cases", "de.jsonl"), MixedCases[0] + "\n" + MixedCases[1] + "\n");
        Write(Path.Combine("eval", "cases", "fr.jsonl"), MixedCases[2] + "\n" + MixedCases[3] + "\n");
        Write(Path.Combine("eval", "cases", "notes.txt"), "not a case file");

        (int exit, string output, string errors) = await Run(null, json: true);

        Assert.True(exit == 0, errors);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4, root.GetProperty("cases").GetInt32());
        Assert.Equal(
            [Path.Combine("eval", "cases", "de.jsonl"), Path.Combine("eval", "cases", "fr.jsonl")],
            root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        JsonElement miss = Assert.Single(root.GetProperty("misses").EnumerateArray());
        Assert.Equal(Path.Combine("eval", "cases", "fr.jsonl"), miss.GetProperty("file").GetString());
        Assert.Equal(2, miss.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Without_cases_and_without_eval_cases_here_it_exits_2_saying_what_to_give()
    {
        (int exit, string output, string errors) = await Run(null);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("no cases", errors, StringComparison.Ordinal);
        Assert.Contains("--cases", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_config_exits_2()
    {
        string config = Write("broken.yaml", Config.Replace("endpoints: [box], contextTokens: 16384 }\n  reasoning", "endpoints: [gpu], contextTokens: 16384 }\n  reasoning", StringComparison.Ordinal));

        (int exit, string output, string errors) = await Run(Cases(MixedCases), config: config);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("endpoint 'gpu' is not defined", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_router_scores_cases_with_the_projects_eval_config()
    {
        string cases = Cases(MixedCases);
        string evalConfig = Path.Combine(AppContext.BaseDirectory, "eval", "router.yaml");

        (int exit, string output, string error) = await RouterProcess.RunAsync(
            TimeSpan.FromMinutes(2), "eval", "--cases", cases, "--config", evalConfig, "--max-leaks", "0");

        // The project's configuration names the same route table, so the one leak fails --max-leaks 0.
        Assert.True(exit == 1, $"eval exited {exit}\n{output}\n{error}");
        Assert.Contains("--max-leaks 0", error, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^tier accuracy\s+85\.7% \(6/7\)$", output);
        Assert.EndsWith("eval: 4 passed, 3 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Text;
using Router.Core.Configuration;
using Router.Core.Privacy;

namespace Router.Core.Tests.Configuration;

/// <summary>The probe's findings against the loader: each hostile or mangled file is refused with a diagnostic naming
/// its line and key, quickly and in little memory, and nothing is thrown.</summary>
public sealed class ConfigLimitsTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(2);

    [Fact]
    public void Unclosed_escalation_bracket_is_an_error_at_its_line_naming_escalation()
    {
        string yaml = ConfigYaml.EvalWith("escalation: [quick, code, heavy, frontier]", "escalation: [quick, code, heavy, frontier");

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(ConfigYaml.LineOf(yaml, "escalation:"), error.Line);
        Assert.Equal("escalation", error.Key);
        Assert.Contains("'[' opened on this line is not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_bracket_on_the_last_line_is_an_error_at_its_line()
    {
        ConfigLoadResult result = ConfigYaml.Load("budget:\n  dailyUsd: 1\nescalation: [quick, code");

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("escalation", error.Key);
    }

    [Theory]
    [InlineData("budget:\n  dailyUsd: ", "[", 2)]
    [InlineData("budget:\n  dailyUsd: ", "{a: ", 2)]
    [InlineData("budget:\n  dailyUsd:\n    ", "- ", 3)]
    public void Nesting_a_hundred_thousand_deep_is_refused_at_the_depth_limit(string prefix, string opener, int line)
    {
        string yaml = prefix + string.Concat(Enumerable.Repeat(opener, 100_000)) + "1\n";

        (ConfigLoadResult result, TimeSpan elapsed) = Timed(() => ConfigYaml.Load(yaml));

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Contains("nested deeper than 64 levels", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("budget.dailyUsd", error.Key, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.True(elapsed < Quick, $"took {elapsed}");
    }

    [Fact]
    public void Billion_laughs_used_as_a_mapping_key_is_refused_without_expanding_it()
    {
        // Nine levels of ten: each level alone is small, the key stands for 10^9 nodes.
        StringBuilder yaml = new("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 5; level++)
        {
            yaml.Append(string.Create(null, $"lol{level}: &l{level} [")).AppendJoin(", ", Enumerable.Repeat($"*l{level - 1}", 10)).Append("]\n");
        }

        int keyLine = 6;
        yaml.Append("? [*l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4]\n: boom\n");
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        (ConfigLoadResult result, TimeSpan elapsed) = Timed(() => ConfigYaml.Load(yaml.ToString()));

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(keyLine, error.Line);
        Assert.Contains("billion laughs", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < Quick, $"took {elapsed}");
        Assert.True(allocated < 16 << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_small_mapping_used_as_a_key_is_an_error_naming_the_mapping_it_is_in()
    {
        ConfigLoadResult result = ConfigYaml.Load("budget:\n  ? {a: 1}\n  : 2\n  dailyUsd: 1\n");

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("budget", error.Key);
        Assert.Contains("a key must be a single name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  outputReserveTokens: 1024", "  outputReserveTokens: 2147483647", "budget.outputReserveTokens")]
    [InlineData("  outputReserveTokens: 1024", "  outputReserveTokens: 99999999999999999999999", "budget.outputReserveTokens")]
    [InlineData("  outputReserveTokens: 1024", "  outputReserveTokens: -2147483648", "budget.outputReserveTokens")]
    [InlineData("    contextTokens: 32768", "    contextTokens: 2147483647", "tiers.heavy.contextTokens")]
    [InlineData("  dailyUsd: 5.00", "  dailyUsd: 1e308", "budget.dailyUsd")]
    [InlineData("  maxAgeMinutes: 10", "  maxAgeMinutes: 1.7976931348623157e308", "continuity.maxAgeMinutes")]
    [InlineData("  window: 3", "  window: 2147483647", "continuity.window")]
    [InlineData("    usdPerMillionOutput: 15.0", "    usdPerMillionOutput: 1e300", "tiers.frontier.usdPerMillionOutput")]
    public void Numbers_that_would_overflow_later_arithmetic_are_refused_at_their_line_and_key(string oldLine, string newLine, string key)
    {
        string yaml = ConfigYaml.EvalWith(oldLine, newLine);

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(key, error.Key);
        Assert.Equal(ConfigYaml.LineOf(yaml, newLine), error.Line);
        Assert.Matches("must be at (least|most)", error.Message);
    }

    [Fact]
    public void The_largest_accepted_reserve_and_context_still_route_without_overflow()
    {
        string yaml = ConfigYaml.EvalWith("  outputReserveTokens: 1024", "  outputReserveTokens: 1000000")
            .Replace("contextTokens: 32768", "contextTokens: 10000000", StringComparison.Ordinal);

        RouterConfig config = ConfigYaml.LoadGood(yaml);

        Assert.Equal(1_000_000, config.Budget.OutputReserveTokens);
        Assert.Equal(10_000_000, config.Tiers[Requests.Tier.Heavy].ContextTokens);
    }

    [Fact]
    public void A_reserve_that_fills_a_tiers_context_is_a_warning_naming_the_reserve()
    {
        string yaml = ConfigYaml.EvalWith("  outputReserveTokens: 1024", "  outputReserveTokens: 9000");

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        Assert.True(result.Succeeded);
        ConfigDiagnostic warning = Assert.Single(result.Warnings, w => w.Key == "budget.outputReserveTokens" && w.Message.Contains("'quick'", StringComparison.Ordinal));
        Assert.Equal(ConfigYaml.LineOf(yaml, "outputReserveTokens: 9000"), warning.Line);
        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("'code'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("privacy:\n  mode: auto\n\tprivatePaths: []\n", 3)]
    [InlineData("budget:\n  dailyUsd: 1\nprivacy:\n\tmode: auto\n", 4)]
    [InlineData("budget:\n  dailyUsd: 1\n  outputReserveTokens: 5\n\n\n \tx: 3\n", 6)]
    public void A_tab_used_for_indentation_is_reported_on_its_own_line(string yaml, int line)
    {
        ConfigLoadResult result = ConfigYaml.Load(yaml);

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_junk_is_an_error_at_the_line_of_its_first_bad_byte()
    {
        byte[] junk = new byte[4096];
        new Random(13).NextBytes(junk);
        byte[] file = [.. "budget:\n  dailyUsd: 1\n"u8, .. junk];

        ConfigLoadResult result = RouterConfigLoader.Load(file, "router.yaml", _ => null);

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal("router.yaml", error.File);
        int firstBad = Enumerable.Range(0, junk.Length).First(i => junk[i] >= 0x80 || (junk[i] < 0x20 && junk[i] is not (9 or 10 or 13)));
        Assert.True(error.Line >= 3, error.ToString());
        Assert.True(error.Line <= 3 + junk.Take(firstBad + 1).Count(b => b == '\n'), error.ToString());
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_in_a_value_is_an_error_naming_its_key()
    {
        string yaml = ConfigYaml.EvalWith("    model: qwen2.5-coder:14b", "    model: qwen2.5-coder:14b\u0007");

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal("tiers.code.model", error.Key);
        Assert.Equal(ConfigYaml.LineOf(yaml, "\u0007"), error.Line);
        Assert.Contains("U+0007", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read()
    {
        byte[] file = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ConfigYaml.Eval)];

        ConfigLoadResult result = RouterConfigLoader.Load(file, "router.yaml", _ => "set");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("    model: qwen2.5-coder:14b", "    model: [a, b]", "tiers.code.model", "expected a single value, got a list")]
    [InlineData("  mode: auto", "  mode: {strict: true}", "privacy.mode", "expected a single value, got a mapping")]
    [InlineData("  explain: quick", "  explain: [quick]", "routes.explain", "expected a single value")]
    [InlineData("  window: 3", "  window: [3]", "continuity.window", "expected a single value")]
    [InlineData("    cloud: true", "    cloud: {yes: 1}", "endpoints.claude.cloud", "expected a single value")]
    [InlineData("  dailyUsd: 5.00\n", "  dailyUsd: 5.00\n  dailyUsd: 6\n", "budget.dailyUsd", "appears twice")]
    [InlineData("escalation: [quick, code, heavy, frontier]", "escalation: [quick, [code], heavy]", "escalation[1]", "expected a single value")]
    [InlineData("  code: [quick]", "  code: [quick, *nowhere]", "fallbacks.code[1]", "names no anchor")]
    public void Every_error_names_its_key_path(string oldText, string newText, string key, string message)
    {
        string yaml = ConfigYaml.EvalWith(oldText, newText);

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigYaml.LineOf(yaml, newText.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]), error.Line);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        string yaml = ConfigYaml.Eval + "\n# " + new string('x', ConfigLimits.Default.MaxBytes) + "\n";

        ConfigLoadResult result = ConfigYaml.Load(yaml);

        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Contains("at most 1,048,576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_within_the_limits_are_read_as_their_anchors()
    {
        string yaml = ConfigYaml.EvalWith("  code: [quick]\n  heavy: [code, quick]", "  code: &small [quick]\n  heavy: [code, quick]\n  reasoning: *small");

        RouterConfig config = ConfigYaml.LoadGood(yaml);

        Assert.Equal([Requests.Tier.Quick], config.FallbacksOf(Requests.Tier.Reasoning));
    }

    [Fact]
    public void A_private_path_glob_with_many_separate_double_stars_matches_what_it_says()
    {
        string yaml = ConfigYaml.EvalWith("privatePaths: [\"**/.env\", \"**/*.pem\"]", "privatePaths: [\"**/a/**/b/**/c/**/d/**/key\", \"**/**/**/**/**/**/**/**/**/**/**/**/.env\"]");
        RouterConfig config = ConfigYaml.LoadGood(yaml);
        PrivacyScanner scanner = new(config.Privacy.PrivatePaths);
        // 200 folders deep: trying every way of spreading them over a dozen "**" would never end.
        string deep = "/" + string.Join('/', Enumerable.Range(0, 200).Select(i => string.Create(null, $"d{i % 5}"))) + "/file.txt";

        Assert.Equal("**/.env", config.Privacy.PrivatePaths[1]);
        Assert.Null(scanner.ScanPath(deep));
        Assert.Null(scanner.ScanPath(deep + "/a/b/c/key"));
        Assert.NotNull(scanner.ScanPath(deep + "/a/x/b/c/y/z/d/key"));
        Assert.NotNull(scanner.ScanPath("/a/b/c/d/key"));
        Assert.NotNull(scanner.ScanPath(deep + "/.env"));
        Assert.NotNull(scanner.ScanPath("/srv/app/.env"));
    }

    private static (T Result, TimeSpan Elapsed) Timed<T>(Func<T> action)
    {
        Stopwatch watch = Stopwatch.StartNew();
        T result = action();
        return (result, watch.Elapsed);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Router.Core.Configuration;
using Xunit.Abstractions;

namespace Router.Core.Tests.Configuration;

/// <summary>Mangled configurations, from a fixed seed: every one is loaded, loaded with warnings, or refused with a
/// diagnostic that names the file and line (and key where the line is inside a section), within a time and memory bound,
/// and nothing is thrown. ROUTER_CONFIG_FUZZ_CASES and ROUTER_CONFIG_FUZZ_SEED run a longer or different pass.</summary>
public sealed partial class ConfigFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 600;
    private const int DefaultSeed = 20_240_613;
    private const string FileName = "router.yaml";

    // Safety bounds, not benchmarks: a mangled file costs milliseconds and a few megabytes; a hang or a blow-up costs
    // minutes and gigabytes, which is what these catch.
    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(2);
    private const long PerCaseAllocationLimit = 256L << 20;
    private const int MaxDiagnosticLength = 400;

    [Fact]
    public void Every_mangled_config_is_loaded_or_refused_with_a_located_diagnostic_quickly()
    {
        int cases = Setting("ROUTER_CONFIG_FUZZ_CASES", DefaultCases);
        int seed = Setting("ROUTER_CONFIG_FUZZ_SEED", DefaultSeed);
        string[] bases = [File.ReadAllText(EvalFiles.RouterYamlPath), RouterConfigYaml.Write(RouterConfig.Default)];
        ConfigMutator mutator = new(seed);
        Dictionary<string, int> outcomes = new(StringComparer.Ordinal);
        (TimeSpan Elapsed, string Mutations) slowest = (TimeSpan.Zero, "");
        (long Bytes, string Mutations) hungriest = (0, "");
        List<string> failures = [];

        for (int i = 0; i < cases; i++)
        {
            (byte[] bytes, string mutations) = mutator.Mutate(bases[i % bases.Length]);
            string label = string.Create(CultureInfo.InvariantCulture, $"case {i} (seed {seed}): {mutations}");

            (ConfigLoadResult result, TimeSpan elapsed, long allocated) = Run(bytes, label);
            if (elapsed >= PerCaseLimit)
            {
                // Once more before calling it slow: on a shared machine one run can lose a second to the scheduler.
                elapsed = TimeSpan.FromTicks(Math.Min(elapsed.Ticks, Run(bytes, label).Elapsed.Ticks));
            }

            string outcome = Classify(result, bytes, label, failures);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (elapsed >= PerCaseLimit)
            {
                failures.Add($"{label} took {elapsed.TotalMilliseconds:0} ms");
            }

            if (allocated >= PerCaseAllocationLimit)
            {
                failures.Add($"{label} allocated {allocated:N0} bytes");
            }

            slowest = elapsed > slowest.Elapsed ? (elapsed, mutations) : slowest;
            hungriest = allocated > hungriest.Bytes ? (allocated, mutations) : hungriest;
        }

        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}")));
        output.WriteLine($"slowest: {slowest.Elapsed.TotalMilliseconds:0.0} ms ({slowest.Mutations})");
        output.WriteLine($"most allocated: {hungriest.Bytes / 1024.0 / 1024.0:0.0} MiB ({hungriest.Mutations})");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n{string.Join("\n", failures.Take(20))}");
        Assert.Equal(cases, outcomes.Values.Sum());
        Assert.True(outcomes.GetValueOrDefault("rejected") > cases / 4, "the mutations should break most files");
    }

    private static (ConfigLoadResult Result, TimeSpan Elapsed, long Allocated) Run(byte[] bytes, string label)
    {
        // On a thread of its own so a hang fails this case instead of stalling the run.
        Task<(ConfigLoadResult, TimeSpan, long)> run = Task.Run(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Stopwatch watch = Stopwatch.StartNew();
            ConfigLoadResult result = RouterConfigLoader.Load(bytes, FileName, _ => "set");
            return (result, watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
        });
        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), $"{label} did not finish");
        return run.Result;
    }

    private static string Classify(ConfigLoadResult result, byte[] bytes, string label, List<string> failures)
    {
        foreach (ConfigDiagnostic diagnostic in result.Diagnostics)
        {
            if (diagnostic.Message.Contains(RouterConfigLoader.UnforeseenFailure, StringComparison.Ordinal) || diagnostic.File != FileName)
            {
                failures.Add($"{label}: '{diagnostic}'");
            }

            // A pasted 100 KB value is quoted by its start, so every message stays one readable line.
            if (diagnostic.ToString().Length > MaxDiagnosticLength)
            {
                failures.Add($"{label}: a diagnostic of {diagnostic.ToString().Length} characters: '{Shorten(diagnostic.ToString())}'");
            }
        }

        if (result.Succeeded)
        {
            return result.Warnings.Any() ? "loaded with warnings" : "loaded";
        }

        if (!result.Errors.Any())
        {
            failures.Add($"{label}: refused without an error");
        }

        string[] lines = LineBreak().Split(Encoding.UTF8.GetString(bytes));
        foreach (ConfigDiagnostic error in result.Errors)
        {
            if (error.Line < 1 || error.Line > lines.Length + 1)
            {
                failures.Add($"{label}: no line in '{error}'");
            }
            else if (error.Key.Length == 0 && InsideSection(lines, (int)error.Line - 1))
            {
                failures.Add($"{label}: no key in '{error}' on line '{Shorten(lines[error.Line - 1])}'");
            }
        }

        return "rejected";
    }

    /// <summary>The line is indented under a top-level "name:" that is itself well formed, so there is a key to name.</summary>
    private static bool InsideSection(string[] lines, int index)
    {
        if (index >= lines.Length || !lines[index].StartsWith(' ') || lines[index].Trim().Length == 0)
        {
            return false;
        }

        for (int i = index - 1; i >= 0; i--)
        {
            if (lines[i].Length > 0 && lines[i][0] is not (' ' or '#'))
            {
                return TopLevelKey().IsMatch(lines[i]);
            }
        }

        return false;
    }

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*:( .*)?$")]
    private static partial Regex TopLevelKey();

    private static string Shorten(string line) => line.Length > 80 ? line[..80] + "..." : line;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}

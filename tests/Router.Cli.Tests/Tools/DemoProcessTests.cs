using Router.Cli.Tests.Processes;

namespace Router.Cli.Tests.Tools;

public sealed class DemoProcessTests
{
    [Fact]
    public async Task Demo_types_against_emulated_hosts_and_shows_where_each_completion_went()
    {
        (int exit, string output, string error) = await RouterProcess.RunToolAsync(
            "router-demo", TimeSpan.FromMinutes(3), "--time-scale", "0.05", "--keystroke-ms", "15");

        Assert.True(exit == 0, $"demo exited {exit}\n{output}\n{error}");
        string[] rows = output.Split('\n');

        // Completions ran on the code tier's model on the GPU box, and typing on cancelled the stale ones.
        Assert.Contains(rows, r => r.Contains("completed", StringComparison.Ordinal) && r.Contains("code", StringComparison.Ordinal)
            && r.Contains("qwen2.5-coder:14b@gpu-box", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("cancelled", StringComparison.Ordinal) && r.Contains("in the debounce, never sent", StringComparison.Ordinal));

        // The summary counts what the hosts saw against what was typed.
        Assert.Matches(@"\d+ keystrokes, .*: \d+ were cancelled in the debounce before reaching a model, and \d+ generations reached one", output);

        // The suggestion for an expression body uses what the class declares.
        Assert.Contains("public decimal Total => Net + Vat;", output, StringComparison.Ordinal);

        // With the GPU box down the user gets no suggestion and one clear message, not an error.
        Assert.Contains(rows, r => r.StartsWith("4 gpu-box down", StringComparison.Ordinal) && r.Contains("failed", StringComparison.Ordinal));
        Assert.Contains("public decimal Total => Vat (no suggestion)", output, StringComparison.Ordinal);
        Assert.Contains("server said: [warning] Completion (code qwen2.5-coder:14b) failed: gpu-box: ", output, StringComparison.Ordinal);
        Assert.Contains("server exit code after shutdown: 0", output, StringComparison.Ordinal);
    }
}

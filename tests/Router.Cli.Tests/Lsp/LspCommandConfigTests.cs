using System.Text;
using Router.Cli.Tests.Processes;

namespace Router.Cli.Tests.Lsp;

/// <summary><c>router lsp --config</c> on a broken file, as an editor starts it: the server runs on the built-in
/// default and says what is wrong, where, instead of dying.</summary>
public sealed class LspCommandConfigTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _dir = Directory.CreateTempSubdirectory("router-lsp-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    [Fact]
    public async Task Lsp_on_a_file_with_an_unclosed_bracket_starts_tells_the_editor_where_and_exits_cleanly()
    {
        string config = Path.Combine(_dir, "router.yaml");
        await File.WriteAllTextAsync(config, "budget:\n  dailyUsd: 2\nescalation: [quick, code, heavy, frontier\ncontinuity:\n  window: 3\n");
        Dictionary<string, string?> environment = new() { ["XDG_STATE_HOME"] = _dir };
        using RouterProcess lsp = RouterProcess.Start(environment, "lsp", "--config", config);

        await lsp.WriteInputAsync(
            Frame("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""")
            + Frame("""{"jsonrpc":"2.0","method":"initialized","params":{}}"""));
        string expected = $"{config}:3: error: escalation:";
        using (CancellationTokenSource wait = new(Timeout))
        {
            while (!lsp.StandardOutput.Contains(expected, StringComparison.Ordinal))
            {
                await Task.Delay(20, wait.Token);
            }
        }

        await lsp.WriteInputAsync(
            Frame("""{"jsonrpc":"2.0","id":2,"method":"shutdown"}""")
            + Frame("""{"jsonrpc":"2.0","method":"exit"}"""));
        int exitCode = await lsp.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Contains($"router lsp: {expected}", lsp.StandardError, StringComparison.Ordinal);
        Assert.Contains("built-in default", lsp.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", lsp.StandardError, StringComparison.Ordinal);
    }
}

using Router.Cli.Tests.Processes;
using Router.Emulator;

namespace Router.Cli.Tests.Logging;

/// <summary>`router ask` run again and again as a real process with a small <c>ROUTER_LOG_MAX_BYTES</c>: the log rolls
/// over and no more than <c>ROUTER_LOG_FILES</c> older files stay.</summary>
public sealed class LogRotationProcessTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    private readonly string _dir = Directory.CreateTempSubdirectory("router-rotation-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Runs_of_router_ask_roll_the_log_over_and_keep_at_most_the_files_asked_for()
    {
        await using EmulatorServer laptop = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        string config = Path.Combine(_dir, "router.yaml");
        await File.WriteAllTextAsync(config, $$"""
            endpoints:
              laptop: { provider: ollama, url: "{{laptop.BaseAddress}}" }
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [laptop], contextTokens: 8192 }
            routes: { chat: quick }
            """);
        Dictionary<string, string?> environment = new()
        {
            ["XDG_STATE_HOME"] = _dir,
            ["ROUTER_LOG_MAX_BYTES"] = "1024",
            ["ROUTER_LOG_FILES"] = "2",
        };

        for (int run = 0; run < 5; run++)
        {
            (int exit, _, _) = await RouterProcess.RunAsync(Limit, environment, "ask", "--log-level", "trace", "--config", config, "--kind", "chat", "what is a monad?");
            Assert.Equal(0, exit);
        }

        string logs = Path.Combine(_dir, "router-lsp");
        string[] names = [.. Directory.EnumerateFiles(logs, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["router.1.log", "router.2.log", "router.log"], names);

        // Each file holds whole lines within the size (a file holds at least one line, however long).
        Assert.All(names, name => Assert.InRange(new FileInfo(Path.Combine(logs, name)).Length, 1, 1024));
        Assert.All(names, name => Assert.EndsWith("\n", File.ReadAllText(Path.Combine(logs, name)), StringComparison.Ordinal));
        Assert.Matches(@"dbug dispatch: chat \S+: answered by quick qwen2\.5:3b on laptop", File.ReadAllText(Path.Combine(logs, "router.log")));
    }
}

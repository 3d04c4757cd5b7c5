using Router.Cli.Asking;
using Router.Cli.Commands;
using Router.Emulator;

namespace Router.Cli.Tests.Asking;

public sealed class AskCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("router-ask-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<EmulatorServer> StartAsync() => EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>Both hosts serve every tier, "first" before "second".</summary>
    private string WriteConfig(EmulatorServer first, EmulatorServer second)
    {
        string config = $"""
            endpoints:
              first:
                provider: ollama
                url: {first.BaseAddress}
              second:
                provider: ollama
                url: {second.BaseAddress}
            tiers:
              quick: {"{"} model: "qwen2.5:3b", endpoints: [first, second], contextTokens: 8192 {"}"}
              code: {"{"} model: "qwen2.5-coder:14b", endpoints: [first, second], contextTokens: 16384 {"}"}
              reasoning: {"{"} model: "deepseek-r1:8b", endpoints: [first, second], contextTokens: 16384 {"}"}
              heavy: {"{"} model: "qwen2.5-coder:32b", endpoints: [first, second], contextTokens: 32768 {"}"}
              vision: {"{"} model: "granite3.2-vision:2b", endpoints: [first, second], contextTokens: 8192 {"}"}
            """;
        string path = Path.Combine(_dir, "router.yaml");
        File.WriteAllText(path, config);
        return path;
    }

    private async Task<(int Exit, string Out, string Err)> Run(AskInvocation invocation)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AskCommand.RunAsync(invocation, stdout, stderr, _dir, _ => null, Deadline());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_cold_load_is_named_with_its_time_from_the_servers_load_duration()
    {
        // A twentieth of real time: qwen2.5:3b's cold load of the default profile still takes a few hundred milliseconds.
        await using EmulatorServer first = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0.05 }, CancellationToken.None);
        await using EmulatorServer second = await StartAsync();
        string config = WriteConfig(first, second);

        (int exit, _, string errors) = await Run(new AskInvocation(config, "explain", null, "python", "squares = [i * i for i in range(10)]"));

        Assert.Equal(0, exit);
        Assert.Matches(@"of which \d+ ms loading qwen2\.5:3b on first \(cold\)", errors);
    }

    [Fact]
    public async Task Answer_is_streamed_to_stdout_and_the_route_host_tokens_and_latency_follow_on_stderr()
    {
        await using EmulatorServer first = await StartAsync();
        await using EmulatorServer second = await StartAsync();
        string config = WriteConfig(first, second);

        (int exit, string output, string errors) = await Run(new AskInvocation(config, "explain", null, "python", "squares = [i * i for i in range(10)]"));

        Assert.Equal(0, exit);
        Assert.False(string.IsNullOrWhiteSpace(output));
        // Probes of the host's models come first; one request generated the answer.
        EmulatorRequestRecord asked = Assert.Single(first.Requests, r => r.Endpoint is "/api/chat" or "/api/generate");
        Assert.Equal("/api/chat", asked.Endpoint);
        Assert.Contains("route      quick qwen2.5:3b on first — kind explain", errors, StringComparison.Ordinal);
        Assert.Contains("answered   quick qwen2.5:3b on first", errors, StringComparison.Ordinal);
        Assert.Matches(@"tokens     \d+ in, \d+ out", errors);
        Assert.Matches(@"latency    \d+ ms", errors);
        Assert.DoesNotContain("fallback", errors, StringComparison.Ordinal);
        Assert.Empty(second.Requests);
    }

    [Fact]
    public async Task Host_lost_mid_answer_prints_a_marker_and_the_answer_again_from_the_next_host()
    {
        await using EmulatorServer first = await StartAsync();
        await using EmulatorServer second = await StartAsync();
        string config = WriteConfig(first, second);
        AskInvocation invocation = new(config, "explain", null, "python", "squares = [i * i for i in range(10)]");
        (_, string whole, _) = await Run(invocation);
        first.SetFaults(new EmulatorFaultSet { CutAfterChunks = 3 });

        (int exit, string output, string errors) = await Run(invocation);

        Assert.Equal(0, exit);
        Assert.Contains("[connection lost to first (stream cut), retrying on second]", errors, StringComparison.Ordinal);
        Assert.EndsWith(whole, output, StringComparison.Ordinal);
        Assert.Contains("fallback   1. quick qwen2.5:3b on first: failed", errors, StringComparison.Ordinal);
        Assert.Contains("answered   quick qwen2.5:3b on second", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_host_down_exits_1_listing_every_attempt()
    {
        await using EmulatorServer first = await StartAsync();
        await using EmulatorServer second = await StartAsync();
        string config = WriteConfig(first, second);
        first.SetFaults(new EmulatorFaultSet { HostDown = true });
        await second.StopListeningAsync(Deadline());

        (int exit, string output, string errors) = await Run(new AskInvocation(config, "chat", null, null, "What is a monad?"));

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("router ask: no endpoint could answer the chat request", errors, StringComparison.Ordinal);
        Assert.Contains("1. quick qwen2.5:3b on first: failed", errors, StringComparison.Ordinal);
        Assert.Contains("2. quick qwen2.5:3b on second: failed", errors, StringComparison.Ordinal);
        Assert.Contains("connection refused", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_kind_and_missing_prompt_exit_1_with_a_hint()
    {
        (int unknownExit, _, string unknown) = await Run(new AskInvocation(null, "poem", null, null, "x"));
        (int missingExit, _, string missing) = await Run(new AskInvocation(null, "chat", null, null, null));

        Assert.Equal(1, unknownExit);
        Assert.Contains("unknown kind 'poem'", unknown, StringComparison.Ordinal);
        Assert.Equal(1, missingExit);
        Assert.Contains("give a prompt", missing, StringComparison.Ordinal);
    }
}

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

    private async Task<(int Exit, string Out, string Err)> Run(AskInvocation invocation, Func<string, string?>? environment = null)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AskCommand.RunAsync(invocation, stdout, stderr, _dir, environment ?? (_ => null), Deadline());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string yaml)
    {
        string path = Path.Combine(_dir, "router.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Refactors go to the frontier tier on "claude" (an Anthropic endpoint, key in ROUTER_TEST_CLOUD_KEY), falling back
    /// to heavy on "local".</summary>
    private string WriteCloudConfig(EmulatorServer cloud, EmulatorServer local, string frontierModel) => Write($$"""
        endpoints:
          claude:
            provider: anthropic
            url: {{cloud.BaseAddress}}
            apiKeyEnv: ROUTER_TEST_CLOUD_KEY
            cloud: true
          local:
            provider: ollama
            url: {{local.BaseAddress}}
        tiers:
          quick: { model: "qwen2.5:3b", endpoints: [local], contextTokens: 8192 }
          heavy: { model: "qwen2.5-coder:32b", endpoints: [local], contextTokens: 32768 }
          frontier: { model: "{{frontierModel}}", endpoints: [claude], contextTokens: 200000 }
        routes:
          refactor: frontier
        fallbacks:
          frontier: [heavy]
        """);

    [Fact]
    public async Task The_cloud_endpoint_answers_through_the_Messages_API_and_its_key_is_never_printed()
    {
        const string key = "sk-ant-api03-Zx8vQm2LrT5nW9yKp3sD7fG1hJ4cB6aE0uIoPlMnKjHgFdSaQwErTyUiOp";
        await using EmulatorServer cloud = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0, ApiKey = key }, CancellationToken.None);
        await using EmulatorServer local = await StartAsync();
        string config = WriteCloudConfig(cloud, local, frontierModel: "qwen2.5-coder:32b");

        (int exit, string output, string errors) = await Run(
            new AskInvocation(config, "refactor", null, "python", "def f(x):\n    return x+1\n"),
            name => name == "ROUTER_TEST_CLOUD_KEY" ? key : null);

        Assert.True(exit == 0, errors);
        Assert.False(string.IsNullOrWhiteSpace(output));
        Assert.Contains("answered   frontier qwen2.5-coder:32b on claude", errors, StringComparison.Ordinal);
        EmulatorRequestRecord request = Assert.Single(cloud.Requests);
        Assert.Equal("/v1/messages", request.Endpoint);
        Assert.Equal(EmulatorRequestOutcome.Completed, request.Outcome);
        Assert.DoesNotContain(key[..16], output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_shaped_500_from_the_cloud_endpoint_falls_back_to_heavy_and_exits_0()
    {
        // The probe's finding: {"error":"internal error"} is no Anthropic body, and it crashed `router ask`.
        await using EmulatorServer cloud = await StartAsync();
        await using EmulatorServer local = await StartAsync();
        cloud.SetFaults(new EmulatorFaultSet { ErrorStatus = 500, ErrorBody = "{\"error\":\"internal error\"}" });
        string config = WriteCloudConfig(cloud, local, frontierModel: "claude-sonnet-4-5");

        (int exit, string output, string errors) = await Run(
            new AskInvocation(config, "refactor", null, "python", "def f(x):\n    return x+1\n"),
            name => name == "ROUTER_TEST_CLOUD_KEY" ? "sk-ant-test" : null);

        Assert.True(exit == 0, errors);
        Assert.False(string.IsNullOrWhiteSpace(output));
        Assert.Contains("answered   heavy qwen2.5-coder:32b on local", errors, StringComparison.Ordinal);
        Assert.Contains("fallback   1. frontier claude-sonnet-4-5 on claude: failed", errors, StringComparison.Ordinal);
        Assert.Contains("server error 500: internal error", errors, StringComparison.Ordinal);
        Assert.Equal("/v1/messages", Assert.Single(cloud.Requests).Endpoint);
    }

    [Fact]
    public async Task A_host_that_lists_the_model_but_never_answers_is_waited_on_not_said_to_be_loading_and_left_at_the_first_token_deadline()
    {
        await using EmulatorServer stallbox = await StartAsync();
        await using EmulatorServer second = await StartAsync();
        stallbox.SetFaults(new EmulatorFaultSet { Hang = true }, "qwen2.5:3b");
        string config = Write($$"""
            endpoints:
              stallbox:
                provider: ollama
                url: {{stallbox.BaseAddress}}
              second:
                provider: ollama
                url: {{second.BaseAddress}}
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [stallbox, second], contextTokens: 8192 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [second], contextTokens: 32768 }
            deadlines:
              firstTokenSeconds: 3
            """);

        System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
        (int exit, string output, string errors) = await Run(new AskInvocation(config, "explain", null, "python", "squares = [i * i for i in range(10)]"));
        clock.Stop();

        Assert.True(exit == 0, errors);
        Assert.False(string.IsNullOrWhiteSpace(output));
        Assert.Contains("[waiting for qwen2.5:3b on stallbox: no answer after 1 s (gives up at 3 s)]", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("loading", errors.Split("answered")[0], StringComparison.Ordinal);
        Assert.Contains("answered   quick qwen2.5:3b on second", errors, StringComparison.Ordinal);
        Assert.Contains("timeout: no answer within 3 s", errors, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3 + 10), $"router ask took {clock.ElapsedMilliseconds} ms");
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

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Router.Cli.Tests.Processes;
using Router.Emulator;

namespace Router.Cli.Tests.Redaction;

/// <summary>`router doctor`, `ask` and `route` run as real processes with secrets in the configuration (passwords in endpoint
/// URLs), in the prompt (a key and a password) and in hosts' error bodies (a token echoed by a proxy, a key echoed by a
/// cloud gateway): none of them may appear on stdout or stderr.</summary>
public sealed class OutwardSecretTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    // Made at run time, so no test source holds a string that looks like a live credential.
    private static readonly string UrlPassword = "Url" + Guid.NewGuid().ToString("N")[..10] + "!";
    private static readonly string GatewayPassword = "Gw" + Guid.NewGuid().ToString("N")[..10] + "_x";
    private static readonly string EchoedToken = "ghp_" + Alnum(36, 11);
    private static readonly string CloudKey = "sk-proj-" + Alnum(48, 12);
    private static readonly string PromptKey = "AKIA" + new string([.. Alnum(16, 13).ToUpperInvariant().Select(c => c is '0' or '1' or '8' or '9' ? 'Q' : c)]);
    private static readonly string PromptPassword = "Lantern$" + Random.Shared.Next(10, 99);

    private static readonly string[] Secrets = [UrlPassword, GatewayPassword, EchoedToken, CloudKey, PromptKey, PromptPassword];

    private readonly string _dir = Directory.CreateTempSubdirectory("router-secrets-").FullName;
    private FixedReplyHost _proxy = null!;
    private FixedReplyHost _gateway = null!;
    private int _closedPort;
    private string _config = null!;

    public async Task InitializeAsync()
    {
        _proxy = await FixedReplyHost.StartAsync(500, $"{{\"error\":\"upstream refused the token {EchoedToken}\"}}", "application/json", CancellationToken.None);
        _gateway = await FixedReplyHost.StartAsync(
            502, $"<html><body><h1>502 Bad Gateway</h1><p>upstream rejected the key {CloudKey} of this gateway</p></body></html>", "text/html", CancellationToken.None);
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        _closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        _config = Path.Combine(_dir, "router.yaml");
        await File.WriteAllTextAsync(_config, $$"""
            endpoints:
              gpu-box:
                provider: ollama
                url: http://admin:{{UrlPassword}}@127.0.0.1:{{_closedPort}}
              proxy:
                provider: ollama
                url: {{_proxy.BaseAddress}}
              gateway:
                provider: openai
                url: http://svc:{{GatewayPassword}}@127.0.0.1:{{_gateway.BaseAddress.Port}}/v1
                apiKeyEnv: GATEWAY_KEY
                cloud: true
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [gpu-box, proxy], contextTokens: 8192 }
              code: { model: "qwen2.5-coder:14b", endpoints: [gpu-box, proxy], contextTokens: 16384 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [gpu-box, proxy], contextTokens: 32768 }
              frontier: { model: "gpt-4.1", endpoints: [gateway], contextTokens: 128000, usdPerMillionInput: 2.0, usdPerMillionOutput: 8.0 }
            fallbacks:
              quick: [frontier]
            """);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string?> Environment() => new()
    {
        ["GATEWAY_KEY"] = CloudKey,
        ["XDG_STATE_HOME"] = _dir,
    };

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RouterProcess.RunAsync(Limit, Environment(), args);

    [Fact]
    public async Task Doctor_text_and_json_show_hosts_and_errors_but_no_secret()
    {
        (int textExit, string text, string textErrors) = await RunAsync("doctor", "--config", _config, "--timeout", "30");
        (int jsonExit, string json, string jsonErrors) = await RunAsync("doctor", "--config", _config, "--timeout", "30", "--json");

        Assert.Equal(1, textExit);
        Assert.Equal(1, jsonExit);
        Assert.Contains($"gpu-box (http://127.0.0.1:{_closedPort}/) is unreachable", text, StringComparison.Ordinal);
        Assert.Contains("upstream refused the token ***", text, StringComparison.Ordinal);
        using JsonDocument report = JsonDocument.Parse(json);
        Assert.Equal(3, report.RootElement.GetProperty("endpoints").GetArrayLength());
        Assert.True(_proxy.Answered > 0);
        AssertNoSecret(text, textErrors, json, jsonErrors);
    }

    [Fact]
    public async Task Ask_failing_on_every_host_and_the_cloud_shows_the_hosts_errors_but_no_secret()
    {
        (int exit, string output, string errors) = await RunAsync("ask", "--config", _config, "--kind", "explain", "what does a monad do?");

        Assert.Equal(1, exit);
        Assert.Contains("gateway", errors, StringComparison.Ordinal);
        Assert.Contains("server error 502: 502 Bad Gateway", errors, StringComparison.Ordinal);
        Assert.True(_gateway.Answered > 0);
        AssertNoSecret(output, errors);
    }

    [Fact]
    public async Task Ask_of_a_private_prompt_no_local_host_can_answer_says_why_the_cloud_was_not_asked_and_what_to_start()
    {
        (int exit, string output, string errors) = await RunAsync(
            "ask", "--config", _config, "--kind", "explain", $"login fails: the password is {PromptPassword} and the key {PromptKey}");

        Assert.Equal(1, exit);
        Assert.Contains("This request is private (", errors, StringComparison.Ordinal);
        Assert.Contains("detector password-in-prose", errors, StringComparison.Ordinal);
        Assert.Contains("kept off the cloud on purpose (gateway not asked)", errors, StringComparison.Ordinal);
        Assert.Contains($"start Ollama on gpu-box (http://127.0.0.1:{_closedPort})", errors, StringComparison.Ordinal);
        Assert.Contains($"check Ollama on proxy (http://127.0.0.1:{_proxy.BaseAddress.Port}): it answered with an error", errors, StringComparison.Ordinal);
        Assert.Equal(0, _gateway.Answered);
        AssertNoSecret(output, errors);
    }

    [Fact]
    public async Task Route_of_a_private_prompt_shows_the_decision_and_the_detector_but_no_secret()
    {
        (int exit, string output, string errors) = await RunAsync(
            "route", "--config", _config, "--json", $"deploy fails: the password is {PromptPassword}, key {PromptKey}");

        Assert.Equal(0, exit);
        Assert.Contains("\"localOnly\":true", output, StringComparison.Ordinal);
        Assert.Contains("private: ", output, StringComparison.Ordinal);
        AssertNoSecret(output, errors);
    }

    private static void AssertNoSecret(params string[] outputs)
    {
        string[] leaked = [.. Secrets.Where(secret => outputs.Any(output => output.Contains(secret, StringComparison.Ordinal)))];
        Assert.Empty(leaked);
    }

    private static string Alnum(int length, int seed)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Random random = new(seed);
        return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }
}

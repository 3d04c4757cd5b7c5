using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Emulator;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Assistant;

/// <summary>Secrets go in through the configuration (a password in an endpoint URL), the user's text (a key and a password)
/// and hosts' error bodies (a token echoed by a proxy, a key echoed by a cloud gateway); nothing the server sends the editor
/// may hold any of them: not a response, an error, a status, a log or a shown message, "why this model" or doctor.</summary>
public sealed class OutwardSecretTests : IAsyncLifetime
{
    private const string DocumentUri = "file:///work/deploy.cs";

    // Made at run time, so no test source holds a string that looks like a live credential.
    private static readonly string UrlPassword = "Url" + Guid.NewGuid().ToString("N")[..10] + "!";
    private static readonly string GatewayPassword = "Gw" + Guid.NewGuid().ToString("N")[..10] + "_x";
    private static readonly string EchoedToken = "ghp_" + Alnum(36, 1);
    private static readonly string CloudKey = "sk-proj-" + Alnum(48, 2);
    private static readonly string PromptKey = "AKIA" + new string([.. Alnum(16, 3).ToUpperInvariant().Select(c => c is '0' or '1' or '8' or '9' ? 'Q' : c)]);
    private static readonly string PromptPassword = "Lantern$" + Random.Shared.Next(10, 99);

    private static readonly string[] Secrets = [UrlPassword, GatewayPassword, EchoedToken, CloudKey, PromptKey, PromptPassword];

    private static readonly string Document =
        $"// deploy notes: the password is {PromptPassword} for now\nstring awsKey = \"{PromptKey}\";\nint Twice(int x) => x * 2;\n";

    private EmulatorServer _laptop = null!;
    private FixedReplyHost _proxy = null!;
    private FixedReplyHost _gateway = null!;
    private int _closedPort;

    public async Task InitializeAsync()
    {
        _laptop = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        _proxy = await FixedReplyHost.StartAsync(500, $"{{\"error\":\"upstream refused the token {EchoedToken}\"}}", "application/json", CancellationToken.None);
        _gateway = await FixedReplyHost.StartAsync(
            502, $"{{\"error\":{{\"message\":\"upstream rejected the key {CloudKey} of this gateway\",\"type\":\"proxy_error\"}}}}", "application/json", CancellationToken.None);
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        _closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public async Task DisposeAsync()
    {
        await _laptop.DisposeAsync();
        await _proxy.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    /// <summary>Explain may fall back to a working laptop; chat (heavy) has only the dead host and the failing proxy, and
    /// falls back to the cloud gateway when the request is not private.</summary>
    private RouterConfig Config()
    {
        string yaml = $$"""
            endpoints:
              gpu-box:
                provider: ollama
                url: http://admin:{{UrlPassword}}@127.0.0.1:{{_closedPort}}
              proxy:
                provider: ollama
                url: {{_proxy.BaseAddress}}
              laptop:
                provider: ollama
                url: {{_laptop.BaseAddress}}
              gateway:
                provider: openai
                url: http://svc:{{GatewayPassword}}@127.0.0.1:{{_gateway.BaseAddress.Port}}/v1
                apiKeyEnv: GATEWAY_KEY
                cloud: true
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [gpu-box, proxy, laptop], contextTokens: 8192 }
              code: { model: "qwen2.5-coder:14b", endpoints: [gpu-box, proxy], contextTokens: 16384 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [gpu-box, proxy], contextTokens: 32768 }
              frontier: { model: "gpt-4.1", endpoints: [gateway], contextTokens: 128000, usdPerMillionInput: 2.0, usdPerMillionOutput: 8.0 }
            routes:
              chat: heavy
            fallbacks:
              heavy: [frontier]
            """;
        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, "router.yaml", _ => null);
        return loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
    }

    [Fact]
    public async Task No_secret_from_config_prompt_or_host_error_reaches_the_editor_on_any_channel()
    {
        using HttpClient http = ProviderHttpClient.Create(TimeSpan.FromSeconds(5));
        using ModelProviderPool providers = new(http, name => name == "GATEWAY_KEY" ? CloudKey : null);
        await using LspHarness lsp = await LspHarness.StartAsync(
            initialize: false, config: RouterConfigSource.Fixed(Config()), providers: providers);
        await lsp.InitializeAsync(initializationOptions: JsonSerializer.SerializeToElement(new { completionTraces = true }));
        await lsp.Client.DidOpenAsync(new TextDocumentItem(DocumentUri, "csharp", 1, Document), lsp.Timeout);

        // A chat that is not private (first: a later chat carries the private turns before it): the local hosts fail, then the cloud gateway fails and echoes its key.
        JsonRpcException refused = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.Ask, [Ask("what does a monad do?")]), lsp.Timeout));

        // Explain of the private lines: the dead host and the proxy fail, the laptop answers; "why" lists the failures.
        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Explain, [Selection(0, 2)]), lsp.Timeout);

        // A private chat: every local host fails, the cloud is not asked.
        JsonRpcException kept = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.Ask, [Ask($"why is login refused? my password is {PromptPassword} and the key {PromptKey}")]), lsp.Timeout));

        // A completion in the private file: it fails on every host and the editor is told so.
        await lsp.Client.InlineCompletionAsync(
            new InlineCompletionParams(new TextDocumentIdentifier(DocumentUri), new Position(2, 27), new InlineCompletionContext(InlineCompletionTriggerKind.Invoked)), lsp.Timeout);

        JsonElement why = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.WhyThisModel), lsp.Timeout);
        JsonElement doctor = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Doctor), lsp.Timeout);
        await lsp.Client.ShutdownAsync(lsp.Timeout);

        // What the hosts were sent and answered did happen: the test exercises real failures, not quiet ones.
        Assert.True(_proxy.Answered > 0);
        Assert.True(_gateway.Answered > 0);
        Assert.Contains("gateway", refused.Message, StringComparison.Ordinal);
        Assert.Contains("upstream rejected the key", refused.Message, StringComparison.Ordinal);
        Assert.Contains("proxy", kept.Message, StringComparison.Ordinal);
        Assert.Contains("gpu-box", why.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("gpu-box", doctor.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(lsp.ShownMessages, m => m.Message.Contains("proxy", StringComparison.Ordinal));

        string wire = lsp.Wire.Text;
        IReadOnlyList<string> strings = lsp.Wire.Strings();
        string[] leaked = [.. Secrets.Where(secret => wire.Contains(secret, StringComparison.Ordinal) || strings.Any(s => s.Contains(secret, StringComparison.Ordinal)))];
        Assert.Empty(leaked);
        Assert.Contains(strings, s => s.Contains("***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_private_ask_with_no_local_host_says_it_was_kept_off_the_cloud_why_and_which_host_to_start()
    {
        using HttpClient http = ProviderHttpClient.Create(TimeSpan.FromSeconds(5));
        using ModelProviderPool providers = new(http, _ => null);
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.Fixed(Config()), providers: providers);

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.Ask, [Ask($"deploy with the key {PromptKey}, what is wrong?")]), lsp.Timeout));

        string[] said =
        [
            "kept off the cloud on purpose (gateway not asked)",
            "AWS access key id in text; detector aws-access-key",
            $"start Ollama on gpu-box (http://127.0.0.1:{_closedPort})",
            $"check Ollama on proxy (http://127.0.0.1:{_proxy.BaseAddress.Port}): it answered with an error",
        ];
        foreach (string part in said)
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, _gateway.Answered);
        ShowMessageParams notice = await WaitForAsync(lsp, () => lsp.ShownMessages.FirstOrDefault(m => m.Message.Contains("kept off the cloud", StringComparison.Ordinal)));
        Assert.Contains(said[1], notice.Message, StringComparison.Ordinal);
        Assert.Contains(said[2], notice.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PromptKey, notice.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(UrlPassword, error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Selection(int firstLine, int endLine) => JsonSerializer.SerializeToElement(
        new RouterSelectionArguments(DocumentUri, new Range(new Position(firstLine, 0), new Position(endLine, 0))), RouterJsonContext.Default.RouterSelectionArguments);

    private static JsonElement Ask(string prompt) => JsonSerializer.SerializeToElement(new RouterAskArguments(prompt), RouterJsonContext.Default.RouterAskArguments);

    private static async Task<T> WaitForAsync<T>(LspHarness lsp, Func<T?> probe)
        where T : class
    {
        T? found;
        while ((found = probe()) is null)
        {
            await Task.Delay(10, lsp.Timeout);
        }

        return found;
    }

    private static string Alnum(int length, int seed)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Random random = new(seed);
        return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }
}

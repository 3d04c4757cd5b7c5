using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Router.Cli.Tests.Processes;
using Router.Emulator;
using Router.Lsp.Client;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Cli.Tests.Logging;

/// <summary>Private requests in several languages (passwords in prose, national ID numbers, keys and tokens) go through every
/// path at <c>--log-level trace</c>: the language server's completion, explain, chat and refactor, and <c>router ask</c>,
/// with a host down (fallback), a weak answer (escalation), a host whose error body echoes the prompt and a missing model.
/// Then every stream and file the router wrote (stdout, stderr, router.log and its rolled-over files, the spend file) is
/// searched for the private values: none may be there.</summary>
public sealed class PrivateTextInLogsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    // Made at run time, so no test source holds a string that looks like a live credential.
    private static readonly string AwsKey = "AKIA" + new string([.. Alnum(16, 21).ToUpperInvariant().Select(c => c is '0' or '1' or '8' or '9' ? 'Q' : c)]);
    private static readonly string GitHubToken = "ghp_" + Alnum(36, 22);
    private static readonly string EnglishPassword = "Lantern$" + Random.Shared.Next(10, 99);

    /// <summary>Private requests from the evaluation's cases, one per language, and the private value in each.</summary>
    private static readonly (string Prompt, string[] Private)[] Requests =
    [
        ($"My home Wi-Fi password is {EnglishPassword} and the new smart TV still refuses to connect. What should I check first?", [EnglishPassword]),
        ("Meine Steuer-ID ist 57391824567. Muss ich die meinem neuen Arbeitgeber selbst mitteilen oder holt der sich die?", ["57391824567"]),
        ("Para darme de alta en la gestoría me piden el DNI; el mío es 48215736P. ¿Lo pongo con la letra o sin ella?", ["48215736P"]),
        ("Mon numéro de sécu est 1 88 07 75 115 423 37 et le site d'Ameli me dit qu'il est inconnu. Qu'est-ce que je peux faire ?", ["1 88 07 75 115 423 37", "188077511542337"]),
        ("会社のメールのパスワードを「Sakura2024!tk」にしてるんですけど、これって強度的に大丈夫ですか？", ["Sakura2024!tk"]),
        ("マイナンバー 481273650197 は確定申告書のどの欄に書けばいいんでしょうか", ["481273650197"]),
        ("제 주민등록번호가 850317-1345123 인데요, 연말정산 서류에 적을 때 하이픈 넣어서 써야 하나요?", ["850317-1345123", "8503171345123"]),
        ("Mój PESEL to 92071503818. Czy mogę go bezpiecznie podać kurierowi przez telefon?", ["92071503818"]),
        ("Meu CPF é 418.305.927-50 e o site da Receita diz que está pendente de regularização. O que isso significa?", ["418.305.927-50", "41830592750"]),
        ("Мой пароль от Госуслуг — Zelenyi_Sad1987. Его надо срочно менять или можно оставить?", ["Zelenyi_Sad1987"]),
        ("帮我看看身份证号 330106198804122633 的这个人今年多大了，出生日期是哪天？", ["330106198804122633"]),
        ($"deploy fails with the key {AwsKey} and the token {GitHubToken}, what is wrong?", [AwsKey, GitHubToken]),
    ];

    private const string SoundAnswer =
        "This asks about an account detail. Keep such values out of shared places, change them if they were exposed, and check the settings step by step.";

    private const string DocumentUri = "file:///work/deploy/Secrets.cs";

    private static readonly string Document =
        $"// deploy notes: the password is {EnglishPassword} for now\nstring awsKey = \"{AwsKey}\";\nint Twice(int x) => x * 2;\nint Thrice(int x) =>";

    private readonly string _dir = Directory.CreateTempSubdirectory("router-logs-").FullName;
    private readonly List<string> _streams = [];
    private EmulatorServer _laptop = null!;
    private FixedReplyHost _echo = null!;
    private int _closedPort;

    private string StateHome => Path.Combine(_dir, "state");

    private static IEnumerable<string> PrivateValues => Requests.SelectMany(r => r.Private);

    public async Task InitializeAsync()
    {
        _laptop = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);

        // The first answer of quick is empty (weak: escalated); the tiers above give a sound answer that quotes nothing.
        _laptop.SetFaults(new EmulatorFaultSet { Reply = "" }, "qwen2.5:3b");
        _laptop.SetFaults(new EmulatorFaultSet { Reply = SoundAnswer }, "qwen2.5-coder:14b");
        _laptop.SetFaults(new EmulatorFaultSet { Reply = "x * 3;" }, "qwen2.5-coder:7b");
        _laptop.SetFaults(new EmulatorFaultSet { Reply = SoundAnswer }, "qwen2.5-coder:32b");

        // A proxy that answers every generation with an error quoting the whole request back.
        string echoed = string.Join(" ", Requests.Select(r => r.Prompt)) + " " + Document;
        _echo = await FixedReplyHost.StartAsync(400, JsonSerializer.Serialize(new { error = "cannot process the request: " + echoed }), "application/json", CancellationToken.None);

        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        _closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public async Task DisposeAsync()
    {
        await _laptop.DisposeAsync();
        await _echo.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task No_private_value_reaches_any_stream_or_file_on_any_path_at_trace_level()
    {
        string config = await WriteConfigAsync("router.yaml", "qwen2.5:3b");
        string missing = await WriteConfigAsync("missing.yaml", "llama-missing:1b");

        // router ask: one private request per language; a host down, an echoing error, a weak answer escalated.
        foreach ((string prompt, _) in Requests)
        {
            await AskAsync(config, "chat", prompt);
        }

        // router ask on a model no host has, and an explain whose every host fails.
        await AskAsync(missing, "explain", Requests[1].Prompt);
        await AskAsync(missing, "completion", Requests[^1].Prompt);

        await RunLanguageServerAsync(config);

        string[] files = [.. Directory.EnumerateFiles(StateHome, "*", SearchOption.AllDirectories)];
        string logs = string.Join("\n", files.Where(f => f.EndsWith(".log", StringComparison.Ordinal)).Select(File.ReadAllText));

        // Every path did run, and was logged: a test that logs nothing would find nothing.
        Assert.True(_echo.Answered > 0);
        string[] expected =
        [
            "trce dispatch: chat", "trce dispatch: explain", "trce dispatch: refactor", "trce dispatch: completion",
            "fell back to", "escalation:", "no answer:", "llama-missing:1b", "textDocument/inlineCompletion", "info router lsp: version",
            "cannot process the request", "***",
        ];
        Assert.All(expected, part => Assert.Contains(part, logs, StringComparison.Ordinal));
        Assert.Contains(files, f => Path.GetFileName(f) == "router.1.log");

        List<string> leaks = [];
        foreach (string value in PrivateValues)
        {
            leaks.AddRange(files.Where(f => File.ReadAllText(f).Contains(value, StringComparison.Ordinal)).Select(f => $"{value} in {Path.GetFileName(f)}"));
            leaks.AddRange(_streams.Where(s => s.Contains(value, StringComparison.Ordinal)).Select(s => $"{value} in a stream: {Excerpt(s, value)}"));
        }

        Assert.Empty(leaks);
    }

    private async Task AskAsync(string config, string kind, string prompt)
    {
        (_, string output, string errors) = await RouterProcess.RunAsync(Limit, Environment(), "ask", "--log-level", "trace", "--config", config, "--kind", kind, prompt);
        _streams.Add(output);
        _streams.Add(errors);
    }

    private async Task RunLanguageServerAsync(string config)
    {
        await using RecordedLspProcess lsp = RecordedLspProcess.Start(Environment()!, "lsp", "--log-level", "trace", "--config", config);
        using CancellationTokenSource limit = new(Limit);
        CancellationToken timeout = limit.Token;
        LspClient client = lsp.Client;
        client.Start(timeout);
        await client.InitializeAsync(
            new InitializeParams { ProcessId = System.Environment.ProcessId, InitializationOptions = JsonSerializer.SerializeToElement(new { completionTraces = true }) },
            timeout);
        await client.InitializedAsync(timeout);
        await client.DidOpenAsync(new TextDocumentItem(DocumentUri, "csharp", 1, Document), timeout);

        await client.InlineCompletionAsync(
            new InlineCompletionParams(new TextDocumentIdentifier(DocumentUri), new Position(3, 19), new InlineCompletionContext(InlineCompletionTriggerKind.Invoked)), timeout);
        await Tolerate(client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Explain, [Selection(null)]), timeout));
        foreach ((string prompt, _) in Requests)
        {
            await Tolerate(client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Ask, [Ask(prompt)]), timeout));
        }

        await Tolerate(client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Refactor, [Selection("rename x to value")]), timeout));
        await client.ShutdownAsync(timeout);
        await client.ExitAsync(timeout);
        await lsp.WaitForExitAsync(Limit);
        _streams.Add(lsp.StandardOutput);
        _streams.Add(lsp.StandardError);
    }

    // What the editor is answered is not under test here (other tests pin it); only what is written along the way.
    private static async Task Tolerate(Task<JsonElement> request)
    {
        try
        {
            await request;
        }
        catch (JsonRpcException)
        {
        }
    }

    private async Task<string> WriteConfigAsync(string name, string quickModel)
    {
        string path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, $$"""
            endpoints:
              gpu-box: { provider: ollama, url: "http://127.0.0.1:{{_closedPort}}" }
              echo: { provider: ollama, url: "{{_echo.BaseAddress}}" }
              laptop: { provider: ollama, url: "{{_laptop.BaseAddress}}" }
            tiers:
              quick: { model: "{{quickModel}}", endpoints: [gpu-box, echo, laptop], contextTokens: 8192 }
              code: { model: "qwen2.5-coder:14b", endpoints: [gpu-box, laptop], contextTokens: 16384 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [echo, laptop], contextTokens: 32768 }
            routes: { chat: quick, explain: quick, refactor: heavy, completion: code }
            """);
        return path;
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["XDG_STATE_HOME"] = StateHome,

        // Small files, so the search covers rolled-over ones too; enough of them that none is deleted before it is searched.
        ["ROUTER_LOG_MAX_BYTES"] = "8192",
        ["ROUTER_LOG_FILES"] = "100",
    };

    private static JsonElement Selection(string? instruction) => JsonSerializer.SerializeToElement(
        new RouterSelectionArguments(DocumentUri, new Range(new Position(0, 0), new Position(3, 0)), instruction), RouterJsonContext.Default.RouterSelectionArguments);

    private static JsonElement Ask(string prompt) => JsonSerializer.SerializeToElement(new RouterAskArguments(prompt), RouterJsonContext.Default.RouterAskArguments);

    private static string Excerpt(string text, string value)
    {
        int at = text.IndexOf(value, StringComparison.Ordinal);
        int start = Math.Max(0, at - 120);
        return text[start..Math.Min(text.Length, at + value.Length + 40)];
    }

    private static string Alnum(int length, int seed)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Random random = new(seed);
        return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }
}

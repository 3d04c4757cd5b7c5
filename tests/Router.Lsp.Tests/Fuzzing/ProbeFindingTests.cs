using System.Text;
using System.Text.Json;

namespace Router.Lsp.Tests.Fuzzing;

/// <summary>What a hostile probe of <c>router lsp</c> found, each against the real server: eleven kinds of single frame
/// that ended it, and error codes that said the wrong thing.</summary>
public sealed class ProbeFindingTests
{
    private const string Uri = "file:///work/sample.cs";

    // Bytes that are not UTF-8.
    private const string NotUtf8 = "<not-utf8>";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static byte[] Frame(string template)
    {
        string[] parts = template.Split(NotUtf8);
        List<byte> body = [.. Encoding.UTF8.GetBytes(parts[0])];
        foreach (string part in parts.Skip(1))
        {
            body.AddRange([0xC3, 0x28, 0xFF]);
            body.AddRange(Encoding.UTF8.GetBytes(part));
        }

        return FrameFuzzer.Frame([.. body]);
    }

    private static async Task<RawLspPeer> StartAsync(FakeModelProvider provider, string capabilities = "{}", Func<string, byte[]?>? answer = null)
    {
        RawLspPeer peer = new(provider, new LspServerOptions()) { AnswerServerRequest = answer };
        using CancellationTokenSource timeout = new(Deadline);
        await peer.RequestAsync("init", "initialize", Fill("""{"processId":null,"capabilities":%CAPABILITIES%}""").Replace("%CAPABILITIES%", capabilities, StringComparison.Ordinal), timeout.Token);
        await peer.WriteAsync(RawLspPeer.Frame("""{"jsonrpc":"2.0","method":"initialized","params":{}}"""), timeout.Token);
        await peer.WriteAsync(
            RawLspPeer.Frame(Fill("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"%URI%","languageId":"csharp","version":1,"text":"var total = "}}}""")),
            timeout.Token);
        return peer;
    }

    private static string Fill(string json) => json.Replace("%URI%", Uri, StringComparison.Ordinal);

    private static int Code(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":"a<not-utf8>","method":"textDocument/completion","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"textDocument/<not-utf8>","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"textDocument/<not-utf8>","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.<not-utf8>","id":7,"method":"textDocument/completion","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.<not-utf8>","method":"textDocument/didClose","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"<not-utf8>"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"\ud800","method":"textDocument/completion","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"\udc00","result":null}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"textDocument/\ud800","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"\ud800","params":{}}""")]
    public async Task A_frame_that_ended_the_server_is_answered_or_dropped_and_the_server_serves_on(string fatal)
    {
        FakeModelProvider provider = new() { Answer = _ => "Sum(values);" };
        await using RawLspPeer peer = await StartAsync(provider);
        using CancellationTokenSource timeout = new(Deadline);

        await peer.WriteAsync(Frame(fatal), timeout.Token);
        JsonElement completion = await peer.RequestAsync(
            "after", "textDocument/inlineCompletion", Fill("""{"textDocument":{"uri":"%URI%"},"position":{"line":0,"character":12},"context":{"triggerKind":1}}"""), timeout.Token);

        Assert.Equal("Sum(values);", completion.GetProperty("result").GetProperty("items")[0].GetProperty("insertText").GetString());
        Assert.False(peer.ServerRun.IsCompleted);
        Assert.Empty(peer.Violations);
        Assert.Empty(peer.InternalErrors);
    }

    [Fact]
    public async Task An_error_answer_whose_message_is_not_UTF8_fails_only_the_request_it_answers()
    {
        // The server asks for the editor's settings at initialized; the answer is an error whose message is not UTF-8.
        TaskCompletionSource asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        byte[]? Answer(string id)
        {
            asked.TrySetResult();
            return Frame(Fill("""{"jsonrpc":"2.0","id":%ID%,"error":{"code":-32000,"message":"settings <not-utf8> unavailable"}}""").Replace("%ID%", id, StringComparison.Ordinal));
        }

        FakeModelProvider provider = new() { Answer = _ => "Sum(values);" };
        await using RawLspPeer peer = await StartAsync(provider, """{"workspace":{"configuration":true}}""", Answer);
        using CancellationTokenSource timeout = new(Deadline);
        await asked.Task.WaitAsync(timeout.Token);

        JsonElement completion = await peer.RequestAsync(
            "after", "textDocument/inlineCompletion", Fill("""{"textDocument":{"uri":"%URI%"},"position":{"line":0,"character":12},"context":{"triggerKind":1}}"""), timeout.Token);

        Assert.Equal("Sum(values);", completion.GetProperty("result").GetProperty("items")[0].GetProperty("insertText").GetString());
        Assert.False(peer.ServerRun.IsCompleted);
    }

    [Fact]
    public async Task Resolving_a_code_action_whose_data_has_a_lone_surrogate_answers_InvalidRequest()
    {
        await using RawLspPeer peer = await StartAsync(new FakeModelProvider());
        using CancellationTokenSource timeout = new(Deadline);

        JsonElement response = await peer.RequestAsync(
            "resolve", "codeAction/resolve", Fill("""{"title":"Simplify (AI)","data":{"uri":"%URI%\ud800","range":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}}}}"""), timeout.Token);

        Assert.Equal(-32600, Code(response));
        Assert.Contains("lone surrogate", response.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completion_the_client_cancels_is_answered_RequestCancelled()
    {
        FakeModelProvider provider = new() { Hold = _ => true };
        await using RawLspPeer peer = await StartAsync(provider);
        using CancellationTokenSource timeout = new(Deadline);

        Task<JsonElement> completion = peer.RequestAsync(
            "slow", "textDocument/inlineCompletion", Fill("""{"textDocument":{"uri":"%URI%"},"position":{"line":0,"character":12},"context":{"triggerKind":1}}"""), timeout.Token);
        await provider.WaitForRequestAsync(timeout.Token);
        await peer.WriteAsync(RawLspPeer.Frame("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"slow"}}"""), timeout.Token);

        Assert.Equal(-32800, Code(await completion));
    }
}

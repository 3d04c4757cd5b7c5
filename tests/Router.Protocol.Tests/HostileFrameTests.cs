using System.Text;
using System.Text.Json;
using Router.Protocol.JsonRpc;

namespace Router.Protocol.Tests;

/// <summary>Frames a protocol fuzzer found fatal (an unhandled "Cannot transcode invalid UTF-8" ended the server), and their
/// neighbours: each is answered or dropped, and the next request is still served.</summary>
public sealed class HostileFrameTests
{
    private const string Echo = """{"jsonrpc":"2.0","id":99,"method":"test/echo","params":{"line":1,"character":2}}""";

    // Bytes that are not UTF-8 (a lead byte without its continuation, then a byte UTF-8 never uses).
    private const string NotUtf8 = "<not-utf8>";

    private static int Code(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    private static byte[] Body(string template)
    {
        string[] parts = template.Split(NotUtf8);
        List<byte> bytes = [.. Encoding.UTF8.GetBytes(parts[0])];
        foreach (string part in parts.Skip(1))
        {
            bytes.AddRange([0xC3, 0x28, 0xFF]);
            bytes.AddRange(Encoding.UTF8.GetBytes(part));
        }

        return [.. bytes];
    }

    private static async Task AssertStillServesAsync(RawServer server)
    {
        await server.SendAsync(Echo);
        JsonElement echoed = await server.ReadAsync();
        Assert.Equal(99, echoed.GetProperty("id").GetInt32());
        Assert.Equal(2, echoed.GetProperty("result").GetProperty("character").GetInt32());
        Assert.False(server.Running.IsCompleted);
    }

    [Theory]
    [InlineData("id not UTF-8", """{"jsonrpc":"2.0","id":"a<not-utf8>","method":"test/echo","params":{"line":0,"character":0}}""", JsonRpcErrorCodes.ParseError, null)]
    [InlineData("request method not UTF-8", """{"jsonrpc":"2.0","id":7,"method":"test/secret<not-utf8>","params":{}}""", JsonRpcErrorCodes.ParseError, 7)]
    [InlineData("request jsonrpc not UTF-8", """{"jsonrpc":"2.<not-utf8>","id":7,"method":"test/echo","params":{"line":0,"character":0}}""", JsonRpcErrorCodes.ParseError, 7)]
    [InlineData("id lone high surrogate", """{"jsonrpc":"2.0","id":"\ud800","method":"test/echo","params":{"line":0,"character":0}}""", JsonRpcErrorCodes.InvalidRequest, null)]
    [InlineData("id lone low surrogate", """{"jsonrpc":"2.0","id":"a\udc00b","result":null}""", JsonRpcErrorCodes.InvalidRequest, null)]
    [InlineData("request method lone surrogate", """{"jsonrpc":"2.0","id":7,"method":"test/\ud800","params":{}}""", JsonRpcErrorCodes.InvalidRequest, 7)]
    [InlineData("request jsonrpc lone surrogate", """{"jsonrpc":"2.0\udfff","id":7,"method":"test/echo","params":{}}""", JsonRpcErrorCodes.InvalidRequest, 7)]
    [InlineData("response id not UTF-8", """{"jsonrpc":"2.0","id":"<not-utf8>","result":{}}""", JsonRpcErrorCodes.ParseError, null)]
    [InlineData("key lone surrogate (found by the fuzzer: the id lookup itself threw)", """{"jsonrpc":"2.0","\ud800":1,"id":7,"method":"test/echo","params":{}}""", JsonRpcErrorCodes.InvalidRequest, 7)]
    [InlineData("params key lone surrogate", """{"jsonrpc":"2.0","id":7,"method":"test/echo","params":{"a\udfffb":1,"line":0,"character":0}}""", JsonRpcErrorCodes.InvalidRequest, 7)]
    [InlineData("params string lone surrogate", """{"jsonrpc":"2.0","id":7,"method":"test/echo","params":{"line":0,"character":0,"note":["\ud83d"]}}""", JsonRpcErrorCodes.InvalidRequest, 7)]
    [InlineData("params string not UTF-8", """{"jsonrpc":"2.0","id":7,"method":"test/echo","params":{"line":0,"character":0,"note":"<not-utf8>"}}""", JsonRpcErrorCodes.ParseError, 7)]
    public async Task Unreadable_envelope_text_in_a_request_is_answered_and_the_server_lives_on(string kind, string body, int code, int? id)
    {
        await using RawServer server = new();

        await server.SendBytesAsync(Body(body));

        JsonElement error = await server.ReadAsync();
        Assert.True(code == Code(error), $"{kind}: answered {Code(error)}");
        if (id is null)
        {
            Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        }
        else
        {
            Assert.Equal(id, error.GetProperty("id").GetInt32());
        }

        await AssertStillServesAsync(server);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"test/secret<not-utf8>","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"test/secret\ud800","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.<not-utf8>","method":"test/secret","params":{}}""")]
    [InlineData("""{"jsonrpc":"\ud800","method":"test/secret","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"secret<not-utf8>"}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"secret\ud800"}}""")]
    [InlineData("""{"jsonrpc":"2.0","\ud800secret":1,"method":"test/secret","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"text":"secret <not-utf8>"}}""")]
    public async Task Unreadable_notification_is_dropped_unanswered_and_reported_without_its_content(string body)
    {
        await using RawServer server = new();

        await server.SendBytesAsync(Body(body));

        // The first frame back answers the echo: the notification got no answer.
        await AssertStillServesAsync(server);
        string reason = Assert.Single(server.Dropped);
        Assert.DoesNotContain("secret", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"bad <not-utf8> text"}}""", JsonRpcErrorCodes.ParseError, "not valid UTF-8")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"bad \ud800 text"}}""", JsonRpcErrorCodes.InvalidRequest, "lone surrogate")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":"-32000","message":7}}""", JsonRpcErrorCodes.InternalError, "Error")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":"just a string"}""", JsonRpcErrorCodes.InternalError, "not an object")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"line":"one"}}""", JsonRpcErrorCodes.InternalError, "could not be read")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"line":1,"character":"<not-utf8>"}}""", JsonRpcErrorCodes.ParseError, "not valid UTF-8")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"line":1,"character":0,"\udc00":2}}""", JsonRpcErrorCodes.InvalidRequest, "lone surrogate")]
    public async Task Unreadable_reply_to_a_server_request_fails_that_request_only(string reply, int seenCode, string seenMessage)
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":5,"method":"test/relay","params":{"line":0,"character":0}}""");
        JsonElement outgoing = await server.ReadAsync();
        Assert.Equal("client/position", outgoing.GetProperty("method").GetString());
        Assert.Equal(1, outgoing.GetProperty("id").GetInt64());
        await server.SendBytesAsync(Body(reply));

        JsonElement relayed = await server.ReadAsync();
        Assert.Equal(5, relayed.GetProperty("id").GetInt32());
        string message = relayed.GetProperty("error").GetProperty("message").GetString()!;
        Assert.StartsWith($"client answered {seenCode}:", message, StringComparison.Ordinal);
        Assert.Contains(seenMessage, message, StringComparison.Ordinal);
        await AssertStillServesAsync(server);
    }

    [Fact]
    public async Task Request_reusing_the_id_of_one_still_running_is_refused_and_the_first_is_still_answered()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":"dup","method":"test/wait","params":{"line":0,"character":0}}""");
        await server.WaitStarted.Task.WaitAsync(server.Timeout);
        await server.SendAsync("""{"jsonrpc":"2.0","id":"dup","method":"test/echo","params":{"line":0,"character":0}}""");

        JsonElement refused = await server.ReadAsync();
        Assert.Equal("dup", refused.GetProperty("id").GetString());
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, Code(refused));
        Assert.Contains("already used", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);

        // The first request is still the one the id names: a cancel reaches it.
        await server.SendAsync("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"dup"}}""");
        JsonElement first = await server.ReadAsync();
        Assert.Equal("dup", first.GetProperty("id").GetString());
        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, Code(first));

        // Once answered, the id may be used again.
        await server.SendAsync("""{"jsonrpc":"2.0","id":"dup","method":"test/echo","params":{"line":4,"character":0}}""");
        Assert.Equal(4, (await server.ReadAsync()).GetProperty("result").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Handler_giving_up_on_its_own_answers_ServerCancelled_not_RequestCancelled()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":3,"method":"test/abandon","params":{"line":0,"character":0}}""");

        Assert.Equal(JsonRpcErrorCodes.ServerCancelled, Code(await server.ReadAsync()));
    }

    [Fact]
    public async Task Message_over_the_size_limit_is_refused_with_its_size_and_skipped_without_losing_the_next_one()
    {
        await using RawServer server = new(maxMessageBytes: 1024);

        // A frame hidden in the skipped body must not run: the reader skips the body by its length, it does not scan it.
        string hidden = RawServer.Frame("""{"jsonrpc":"2.0","id":66,"method":"test/echo","params":{"line":6,"character":6}}""");
        string text = hidden.Replace("\"", "'", StringComparison.Ordinal) + new string('a', 2000);
        string big = """{"jsonrpc":"2.0","method":"x","params":{"text":"%"}}""".Replace("%", text, StringComparison.Ordinal);
        await server.SendAsync(big);

        JsonElement error = await server.ReadAsync();
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, Code(error));
        string message = error.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains($"{Encoding.UTF8.GetByteCount(big)} bytes", message, StringComparison.Ordinal);
        Assert.Contains("at most 1024 bytes", message, StringComparison.Ordinal);
        await AssertStillServesAsync(server);
    }

    [Fact]
    public async Task Message_just_under_the_limit_is_served()
    {
        await using RawServer server = new(maxMessageBytes: 1024);
        string padded = """{"jsonrpc":"2.0","id":99,"method":"test/echo","params":{"line":1,"character":2},"pad":"}""";
        padded += new string('x', 1024 - padded.Length - 2) + "\"}";

        await server.SendAsync(padded);

        Assert.Equal(99, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("binary junk \u0001\u0002 without any header ")]
    [InlineData("Content-Length: 12\nContent-Type: x\n\n{\"a\":\"b\"}   ")]
    [InlineData("a junk line\r\n")]
    [InlineData("Content-Length: 99999999999999999999999\r\n\r\n")]
    public async Task Junk_written_together_with_a_good_frame_costs_only_itself(string junk)
    {
        await using RawServer server = new();

        await server.WriteRawAsync(junk + RawServer.Frame(Echo));

        JsonElement error = await server.ReadAsync();
        Assert.Equal(JsonRpcErrorCodes.ParseError, Code(error));
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.Equal(99, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }
}

using System.Text.Json;
using Router.Protocol.JsonRpc;

namespace Router.Protocol.Tests;

public sealed class FramingTests
{
    private const string Echo1 = """{"jsonrpc":"2.0","id":1,"method":"test/echo","params":{"line":1,"character":2}}""";
    private const string Echo2 = """{"jsonrpc":"2.0","id":2,"method":"test/echo","params":{"line":3,"character":4}}""";

    [Fact]
    public async Task Header_split_across_writes_is_reassembled()
    {
        await using RawServer server = new();
        string frame = RawServer.Frame(Echo1);

        await server.WriteRawAsync(frame[..7]);
        await server.WriteRawAsync(frame[7..20]);
        await server.WriteRawAsync(frame[20..]);

        JsonElement response = await server.ReadAsync();
        Assert.Equal(1, response.GetProperty("id").GetInt32());
        Assert.Equal(2, response.GetProperty("result").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Several_messages_in_one_buffer_are_all_answered_in_order()
    {
        await using RawServer server = new();

        await server.WriteRawAsync(RawServer.Frame(Echo1) + RawServer.Frame(Echo2));

        Assert.Equal(1, (await server.ReadAsync()).GetProperty("id").GetInt32());
        Assert.Equal(2, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Content_Type_header_is_tolerated()
    {
        await using RawServer server = new();
        int length = System.Text.Encoding.UTF8.GetByteCount(Echo1);

        await server.WriteRawAsync($"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {length}\r\n\r\n{Echo1}");

        Assert.Equal(1, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Utf8_body_length_counts_bytes_not_characters()
    {
        await using RawServer server = new();
        const string withEmoji = """{"jsonrpc":"2.0","id":"é😀","method":"test/echo","params":{"line":0,"character":0}}""";

        await server.SendAsync(withEmoji);
        await server.SendAsync(Echo2);

        Assert.Equal("é😀", (await server.ReadAsync()).GetProperty("id").GetString());
        Assert.Equal(2, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("Content-Length: abc\r\n\r\n{}")]
    [InlineData("Content-Length: -5\r\n\r\n{}")]
    [InlineData("X-Other: 1\r\n\r\n{}")]
    [InlineData("garbage without colon\r\n\r\n")]
    public async Task Malformed_header_answers_ParseError_and_the_next_message_is_served(string malformed)
    {
        await using RawServer server = new();

        await server.WriteRawAsync(malformed + RawServer.Frame(Echo1));

        JsonElement error = await server.ReadAsync();
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.Equal(JsonRpcErrorCodes.ParseError, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(1, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Non_json_body_answers_ParseError_with_null_id_and_the_server_still_answers()
    {
        await using RawServer server = new();

        await server.SendAsync("{this is not json");
        await server.SendAsync(Echo1);

        JsonElement error = await server.ReadAsync();
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.Equal(JsonRpcErrorCodes.ParseError, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(1, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task End_of_input_ends_the_connection_cleanly()
    {
        RawServer server = new();

        await server.EndInputAsync();

        await server.Running.WaitAsync(server.Timeout);
        Assert.True(server.Running.IsCompletedSuccessfully);
        await server.DisposeAsync();
    }
}

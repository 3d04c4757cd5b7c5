using System.Text.Json;
using Router.Protocol.JsonRpc;

namespace Router.Protocol.Tests;

public sealed class ErrorResponseTests
{
    private const string Echo = """{"jsonrpc":"2.0","id":99,"method":"test/echo","params":{"line":0,"character":0}}""";

    private static int Code(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    [Fact]
    public async Task Batch_is_rejected_with_one_InvalidRequest_and_the_connection_survives()
    {
        await using RawServer server = new();

        await server.SendAsync("""[{"jsonrpc":"2.0","id":1,"method":"test/echo","params":{"line":0,"character":0}},{"jsonrpc":"2.0","id":2,"method":"test/echo","params":{"line":0,"character":0}}]""");
        await server.SendAsync(Echo);

        JsonElement error = await server.ReadAsync();
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, Code(error));
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.Equal(99, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Message_without_jsonrpc_version_is_an_InvalidRequest()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"id":4,"method":"test/echo","params":{"line":0,"character":0}}""");

        JsonElement error = await server.ReadAsync();
        Assert.Equal(4, error.GetProperty("id").GetInt32());
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, Code(error));
    }

    [Fact]
    public async Task Unknown_request_answers_MethodNotFound()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":"a","method":"no/such","params":{}}""");

        JsonElement error = await server.ReadAsync();
        Assert.Equal("a", error.GetProperty("id").GetString());
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, Code(error));
    }

    [Fact]
    public async Task Unknown_and_dollar_notifications_are_ignored_without_an_answer()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","method":"no/such","params":{}}""");
        await server.SendAsync("""{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}""");
        await server.SendAsync(Echo);

        // The first frame back is the echo: nothing was answered for the two notifications.
        JsonElement first = await server.ReadAsync();
        Assert.Equal(99, first.GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("\"not an object\"")]
    [InlineData("{\"line\":\"one\",\"character\":0}")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"line\":null,\"character\":0}")]
    public async Task Params_of_the_wrong_shape_answer_InvalidParams(string parameters)
    {
        await using RawServer server = new();

        await server.SendAsync($$"""{"jsonrpc":"2.0","id":5,"method":"test/echo","params":{{parameters}}}""");

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, Code(await server.ReadAsync()));
    }

    [Fact]
    public async Task Missing_params_answer_InvalidParams()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":5,"method":"test/echo"}""");

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, Code(await server.ReadAsync()));
    }

    [Fact]
    public async Task Handler_exception_answers_InternalError_and_the_server_lives_on()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":6,"method":"test/fail","params":{"line":0,"character":0}}""");
        await server.SendAsync(Echo);

        JsonElement error = await server.ReadAsync();
        Assert.Equal(6, error.GetProperty("id").GetInt32());
        Assert.Equal(JsonRpcErrorCodes.InternalError, Code(error));
        Assert.Contains("boom", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(99, (await server.ReadAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Handler_can_answer_ContentModified()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":7,"method":"test/modified","params":{"line":0,"character":0}}""");

        Assert.Equal(JsonRpcErrorCodes.ContentModified, Code(await server.ReadAsync()));
    }

    [Fact]
    public async Task Cancelled_request_answers_RequestCancelled()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":8,"method":"test/wait","params":{"line":0,"character":0}}""");
        await server.WaitStarted.Task.WaitAsync(server.Timeout);
        await server.SendAsync("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":8}}""");

        JsonElement error = await server.ReadAsync();
        Assert.Equal(8, error.GetProperty("id").GetInt32());
        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, Code(error));
    }

    [Fact]
    public async Task Read_only_requests_run_concurrently()
    {
        await using RawServer server = new();

        await server.SendAsync("""{"jsonrpc":"2.0","id":"slow","method":"test/wait","params":{"line":0,"character":0}}""");
        await server.WaitStarted.Task.WaitAsync(server.Timeout);
        await server.SendAsync(Echo);

        // The echo is answered while the first request is still waiting.
        Assert.Equal(99, (await server.ReadAsync()).GetProperty("id").GetInt32());
        await server.SendAsync("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"slow"}}""");
        Assert.Equal("slow", (await server.ReadAsync()).GetProperty("id").GetString());
    }
}

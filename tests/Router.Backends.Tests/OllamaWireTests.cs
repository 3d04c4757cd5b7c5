using System.Net;
using System.Text;
using System.Text.Json;
using Router.Backends.Ollama;
using Router.Backends.Providers;
using static Router.Backends.Tests.ModelChunks;

namespace Router.Backends.Tests;

/// <summary>What goes over the wire to Ollama and how odd answers are read, with a handler that records the request and
/// answers a canned body.</summary>
public sealed class OllamaWireTests
{
    private static readonly Uri Host = new("http://gpu-box:11434");

    private const string Done = """{"model":"m","created_at":"2024-07-22T20:47:51.147561Z","response":"","done":true,"done_reason":"stop"}""";

    [Fact]
    public async Task Generate_request_is_written_in_Ollamas_snake_case_shape()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Done);
        using var http = new HttpClient(handler);
        using var provider = new OllamaProvider("gpu-box", Host, http);
        var request = new ModelRequest("qwen2.5-coder:14b")
        {
            Prompt = "a",
            Suffix = "b",
            Raw = true,
            Options = new GenerationOptions { MaxTokens = 64, Temperature = 0.2, Stop = ["\n\n"], ContextTokens = 8192 },
            KeepAlive = "5m",
        };

        await CollectAsync(provider.StreamAsync(request, CancellationToken.None));

        Assert.Equal(new Uri("http://gpu-box:11434/api/generate"), handler.Address);
        using var body = JsonDocument.Parse(handler.Body!);
        var root = body.RootElement;
        Assert.Equal("qwen2.5-coder:14b", root.GetProperty("model").GetString());
        Assert.Equal("a", root.GetProperty("prompt").GetString());
        Assert.Equal("b", root.GetProperty("suffix").GetString());
        Assert.True(root.GetProperty("raw").GetBoolean());
        Assert.True(root.GetProperty("stream").GetBoolean());
        Assert.Equal("5m", root.GetProperty("keep_alive").GetString());
        var options = root.GetProperty("options");
        Assert.Equal(64, options.GetProperty("num_predict").GetInt32());
        Assert.Equal(0.2, options.GetProperty("temperature").GetDouble(), 5);
        Assert.Equal("\n\n", options.GetProperty("stop")[0].GetString());
        Assert.Equal(8192, options.GetProperty("num_ctx").GetInt32());
    }

    [Theory]
    [InlineData("-1", "-1")]
    [InlineData("0", "0")]
    [InlineData("30m", "\"30m\"")]
    public async Task Keep_alive_numbers_are_sent_as_json_numbers_because_Ollama_rejects_the_string_minus_one(string keepAlive, string expected)
    {
        var generate = new RecordingHandler(HttpStatusCode.OK, Done);
        var chat = new RecordingHandler(HttpStatusCode.OK, """{"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}""");
        using var generateHttp = new HttpClient(generate);
        using var chatHttp = new HttpClient(chat);
        using var generating = new OllamaProvider("gpu-box", Host, generateHttp);
        using var chatting = new OllamaProvider("gpu-box", Host, chatHttp);

        await CollectAsync(generating.StreamAsync(new ModelRequest("m") { Prompt = "x", KeepAlive = keepAlive }, CancellationToken.None));
        await CollectAsync(chatting.StreamAsync(new ModelRequest("m") { Messages = [new("user", "x")], KeepAlive = keepAlive }, CancellationToken.None));

        Assert.Contains($"\"keep_alive\":{expected}", generate.Body, StringComparison.Ordinal);
        Assert.Contains($"\"keep_alive\":{expected}", chat.Body, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://gpu-box:11434/api/chat"), chat.Address);
    }

    [Fact]
    public async Task Chat_sends_its_options_and_an_ollama_cloud_key_as_a_bearer()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"model":"m","message":{"role":"assistant","content":"hi"},"done":true,"done_reason":"stop","eval_count":1}""");
        using var http = new HttpClient(handler);
        using var provider = new OllamaProvider("ollama-cloud", new Uri("https://ollama.com"), http, new ApiKeySource("OLLAMA_API_KEY", "sk-test-123"));
        var request = new ModelRequest("gpt-oss:120b")
        {
            Messages = [new("system", "Be brief."), new("user", "hi")],
            Options = new GenerationOptions { MaxTokens = 32, Temperature = 0.5, Stop = ["END"], ContextTokens = 4096 },
        };

        var chunks = await CollectAsync(provider.StreamAsync(request, CancellationToken.None));

        Assert.Equal("Bearer sk-test-123", handler.Authorization);
        using var body = JsonDocument.Parse(handler.Body!);
        var root = body.RootElement;
        Assert.Equal("gpt-oss:120b", root.GetProperty("model").GetString());
        Assert.Equal("system", root.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal("hi", root.GetProperty("messages")[1].GetProperty("content").GetString());
        var options = root.GetProperty("options");
        Assert.Equal(32, options.GetProperty("num_predict").GetInt32());
        Assert.Equal(4096, options.GetProperty("num_ctx").GetInt32());
        Assert.Equal("END", options.GetProperty("stop")[0].GetString());
        Assert.Equal("hi", chunks[0].Text);
        Assert.Equal(1, chunks[^1].Usage!.OutputTokens);
    }

    [Fact]
    public async Task An_unset_key_variable_fails_before_anything_is_sent()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Done);
        using var http = new HttpClient(handler);
        using var provider = new OllamaProvider("ollama-cloud", new Uri("https://ollama.com"), http, new ApiKeySource("OLLAMA_API_KEY", null));

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider.StreamAsync(new ModelRequest("m") { Prompt = "x" }, CancellationToken.None)));

        Assert.Equal(ProviderErrorKind.Unauthorized, error.Kind);
        Assert.Contains("OLLAMA_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Null(handler.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Error_line_in_the_middle_of_a_stream_is_a_server_error(bool chat)
    {
        string body = chat
            ? """
              {"model":"m","created_at":"2024-07-22T20:47:51.147561Z","message":{"role":"assistant","content":"Hel"},"done":false}
              {"error":"an error was encountered while running the model: unexpected EOF"}

              """
            : """
              {"model":"m","created_at":"2024-07-22T20:47:51.147561Z","response":"Hel","done":false}
              {"error":"an error was encountered while running the model: unexpected EOF"}

              """;
        using var http = new HttpClient(new RecordingHandler(HttpStatusCode.OK, body));
        using var provider = new OllamaProvider("gpu-box", Host, http);
        var request = chat ? new ModelRequest("m") { Messages = [new("user", "x")] } : new ModelRequest("m") { Prompt = "x" };
        var received = new List<ModelChunk>();

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var chunk in provider.StreamAsync(request, CancellationToken.None))
            {
                received.Add(chunk);
            }
        });

        Assert.Equal("Hel", Assert.Single(received).Text);
        Assert.Equal(ProviderErrorKind.ServerError, error.Kind);
        Assert.Contains("unexpected EOF", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://gpu-box:11434/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_that_is_not_Ollama_is_a_bad_response()
    {
        using var http = new HttpClient(new RecordingHandler(HttpStatusCode.OK, "<html>proxy login</html>"));
        using var provider = new OllamaProvider("gpu-box", Host, http);

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.GetVersionAsync(CancellationToken.None));

        Assert.Equal(ProviderErrorKind.BadResponse, error.Kind);
        Assert.Contains("proxy login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_request_is_a_bad_request_with_the_servers_reason()
    {
        using var http = new HttpClient(new RecordingHandler(HttpStatusCode.BadRequest, """{"error":"registry.ollama.ai/library/qwen2.5:3b does not support insert"}"""));
        using var provider = new OllamaProvider("gpu-box", Host, http);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            provider.GenerateAsync(new ModelRequest("qwen2.5:3b") { Prompt = "a", Suffix = "b" }, CancellationToken.None));

        Assert.Equal(ProviderErrorKind.BadRequest, error.Kind);
        Assert.Contains("does not support insert", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ps_entry_with_an_offset_timestamp_is_read_as_the_right_instant()
    {
        const string json = """
            {"models":[{"name":"mistral:latest","model":"mistral:latest","size":5137025024,"digest":"2ae6","details":{"parent_model":"","format":"gguf",
             "family":"llama","families":["llama"],"parameter_size":"7.2B","quantization_level":"Q4_0"},"expires_at":"2024-06-04T14:38:31.83753-07:00","size_vram":5137025024}]}
            """;
        using var http = new HttpClient(new RecordingHandler(HttpStatusCode.OK, json));
        using var provider = new OllamaProvider("gpu-box", Host, http);

        var model = Assert.Single(await provider.ListRunningModelsAsync(CancellationToken.None));

        Assert.Equal(new DateTimeOffset(2024, 6, 4, 21, 38, 31, TimeSpan.Zero).AddTicks(8375300), OllamaModelFacts.ExpiresAt(model));
        Assert.Equal(5137025024, model.SizeVram);
    }

    /// <summary>Records the one request it gets (address, body, bearer) and answers a fixed status and body.</summary>
    private sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public Uri? Address { get; private set; }
        public string? Body { get; private set; }
        public string? Authorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Address = request.RequestUri;
            Authorization = request.Headers.Authorization?.ToString();
            Body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}

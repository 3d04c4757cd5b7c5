using System.Net;
using System.Text;
using System.Text.Json;
using Router.Backends.Ollama;

namespace Router.Backends.Tests;

public sealed class OllamaWireTests
{
    [Fact]
    public void Generate_request_is_written_in_Ollamas_snake_case_shape()
    {
        var request = new OllamaGenerateRequest
        {
            Model = "qwen2.5-coder:14b",
            Prompt = "a",
            Suffix = "b",
            Raw = true,
            Stream = true,
            Options = new OllamaModelOptions { NumPredict = 64, Temperature = 0.2, Stop = ["\n\n"], NumCtx = 8192 },
            KeepAlive = "5m",
        };

        var json = JsonSerializer.Serialize(request, OllamaJsonContext.Default.OllamaGenerateRequest);

        Assert.Equal(
            """{"model":"qwen2.5-coder:14b","prompt":"a","suffix":"b","raw":true,"stream":true,"options":{"num_predict":64,"temperature":0.2,"stop":["\n\n"],"num_ctx":8192},"keep_alive":"5m"}""",
            json);
    }

    [Theory]
    [InlineData("-1", "-1")]
    [InlineData("0", "0")]
    [InlineData("30m", "\"30m\"")]
    public void Keep_alive_numbers_are_sent_as_json_numbers_because_Ollama_rejects_the_string_minus_one(string keepAlive, string expected)
    {
        var json = JsonSerializer.Serialize(new OllamaGenerateRequest { Model = "m", KeepAlive = keepAlive }, OllamaJsonContext.Default.OllamaGenerateRequest);

        Assert.Contains($"\"keep_alive\":{expected}", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_line_in_the_middle_of_a_stream_is_a_server_error()
    {
        const string body = """
            {"model":"m","created_at":"2024-07-22T20:47:51.147561Z","response":"Hel","done":false}
            {"error":"an error was encountered while running the model: unexpected EOF"}

            """;
        using var http = new HttpClient(new CannedHandler(HttpStatusCode.OK, body));
        var client = new OllamaClient(new Uri("http://gpu-box:11434"), http);

        var error = await Assert.ThrowsAsync<OllamaException>(async () =>
        {
            await foreach (var unused in client.GenerateStreamAsync(new OllamaGenerateRequest { Model = "m", Prompt = "x" }, CancellationToken.None))
            {
            }
        });

        Assert.Equal(OllamaErrorKind.ServerError, error.Kind);
        Assert.Contains("unexpected EOF", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://gpu-box:11434/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_that_is_not_Ollama_is_a_bad_response()
    {
        using var http = new HttpClient(new CannedHandler(HttpStatusCode.OK, "<html>proxy login</html>"));
        var client = new OllamaClient(new Uri("http://gpu-box:11434/"), http);

        var error = await Assert.ThrowsAsync<OllamaException>(() => client.GetVersionAsync(CancellationToken.None));

        Assert.Equal(OllamaErrorKind.BadResponse, error.Kind);
        Assert.Contains("proxy login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_request_is_a_bad_request_with_the_servers_reason()
    {
        using var http = new HttpClient(new CannedHandler(HttpStatusCode.BadRequest, """{"error":"registry.ollama.ai/library/qwen2.5:3b does not support insert"}"""));
        var client = new OllamaClient(new Uri("http://gpu-box:11434/"), http);

        var error = await Assert.ThrowsAsync<OllamaException>(() =>
            client.GenerateAsync(new OllamaGenerateRequest { Model = "qwen2.5:3b", Prompt = "a", Suffix = "b" }, CancellationToken.None));

        Assert.Equal(OllamaErrorKind.BadRequest, error.Kind);
        Assert.Contains("does not support insert", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ollamas_documented_final_chunk_parses_into_typed_timings()
    {
        const string json = """
            {"model":"llama3.2","created_at":"2023-08-04T19:22:45.499127Z","response":"","done":true,"done_reason":"stop","context":[1,2,3],
             "total_duration":10706818083,"load_duration":6338219291,"prompt_eval_count":26,"prompt_eval_duration":130079000,
             "eval_count":259,"eval_duration":4232710000}
            """;

        var chunk = JsonSerializer.Deserialize(json, OllamaJsonContext.Default.OllamaGenerateResponse)!;

        var timings = chunk.Timings!;
        Assert.Equal(TimeSpan.FromTicks(107068180), timings.TotalDuration);
        Assert.Equal(TimeSpan.FromTicks(63382192), timings.LoadDuration);
        Assert.Equal(26, timings.PromptEvalCount);
        Assert.Equal(259, timings.EvalCount);
        Assert.Equal("stop", timings.DoneReason);
        Assert.Equal(259 / 4.23271, timings.TokensPerSecond!.Value, 3);
    }

    [Fact]
    public void Ps_entry_with_nanosecond_timestamps_parses()
    {
        const string json = """
            {"models":[{"name":"mistral:latest","model":"mistral:latest","size":5137025024,"digest":"2ae6","details":{"parent_model":"","format":"gguf",
             "family":"llama","families":["llama"],"parameter_size":"7.2B","quantization_level":"Q4_0"},"expires_at":"2024-06-04T14:38:31.83753-07:00","size_vram":5137025024}]}
            """;

        var ps = JsonSerializer.Deserialize(json, OllamaJsonContext.Default.OllamaPsResponse)!;

        var model = Assert.Single(ps.Models!);
        Assert.Equal(new DateTimeOffset(2024, 6, 4, 21, 38, 31, TimeSpan.Zero).AddTicks(8375300), model.ExpiresAt);
        Assert.Equal(5137025024, model.SizeVram);
    }

    private sealed class CannedHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}

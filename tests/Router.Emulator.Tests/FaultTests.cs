using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

public sealed class FaultTests
{
    private const string Streaming = """{"model":"qwen2.5:3b","prompt":"Describe the weather"}""";

    [Fact]
    public async Task Host_down_aborts_the_connection_without_an_answer()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { HostDown = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("api/tags", UriKind.Relative)));

        Assert.Equal(EmulatorRequestOutcome.Aborted, Assert.Single(emulator.Requests).Outcome);
    }

    [Fact]
    public async Task Stopped_listener_refuses_connections_until_resumed()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        await emulator.StopListeningAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("api/version", UriKind.Relative)));
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);

        await emulator.ResumeListeningAsync(CancellationToken.None);
        using var response = await http.GetAsync(new Uri("api/version", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Server_error_answers_500_with_an_error_body()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { ServerError = true });

        var (response, body) = await PostAsync(http, "api/generate", Streaming);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Model_not_found_switch_answers_404_for_a_known_model()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { ModelNotFound = true });

        var (response, body) = await PostAsync(http, "api/generate", Streaming);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("model 'qwen2.5:3b' not found", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Fault_for_one_model_leaves_the_others_alone()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { ServerError = true }, "qwen2.5-coder:14b");

        var (broken, _) = await PostAsync(http, "api/generate", """{"model":"qwen2.5-coder:14b","prompt":"x","stream":false}""");
        var (healthy, _) = await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"x","stream":false}""");

        Assert.Equal(500, (int)broken.StatusCode);
        Assert.Equal(200, (int)healthy.StatusCode);
    }

    [Fact]
    public async Task Stream_cut_ends_the_stream_after_n_chunks_without_the_done_line()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { CutAfterChunks = 3 });

        using var response = await http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, new Uri("api/generate", UriKind.Relative)) { Content = Json(Streaming) },
            HttpCompletionOption.ResponseHeadersRead);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("\"done\":true", StringComparison.Ordinal));
        var record = Assert.Single(emulator.Requests);
        Assert.Equal(EmulatorRequestOutcome.Aborted, record.Outcome);
        Assert.Equal(3, record.Chunks);
    }

    [Fact]
    public async Task Stall_holds_the_stream_after_n_chunks_until_the_client_leaves()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        using var cancel = new CancellationTokenSource();

        using var response = await http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, new Uri("api/generate", UriKind.Relative)) { Content = Json(Streaming) },
            HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(await reader.ReadLineAsync());
        Assert.NotNull(await reader.ReadLineAsync());
        var third = reader.ReadLineAsync(cancel.Token).AsTask();

        var stalled = await emulator.WaitForRequestAsync(r => r.Chunks == 2, Deadline());
        Assert.Equal(EmulatorRequestOutcome.InProgress, stalled.Outcome);
        Assert.False(third.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        var closed = await emulator.WaitForRequestAsync(r => r.Outcome != EmulatorRequestOutcome.InProgress, Deadline());
        Assert.Equal(EmulatorRequestOutcome.ClientClosed, closed.Outcome);
        Assert.Equal(2, closed.Chunks);
    }

    [Fact]
    public async Task Hang_accepts_the_connection_and_sends_nothing_until_the_client_leaves()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { Hang = true });
        using var cancel = new CancellationTokenSource();

        var headers = http.GetAsync(new Uri("api/tags", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var held = await emulator.WaitForRequestAsync(r => r.Endpoint == "/api/tags", Deadline());
        Assert.Equal(EmulatorRequestOutcome.InProgress, held.Outcome);
        Assert.False(headers.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => headers);
        var closed = await emulator.WaitForRequestAsync(r => r.Outcome != EmulatorRequestOutcome.InProgress, Deadline());
        Assert.Equal(EmulatorRequestOutcome.ClientClosed, closed.Outcome);
    }

    [Fact]
    public async Task Error_reply_answers_its_status_and_body_verbatim_on_every_api_shape()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        using var set = await http.PostAsync(
            new Uri("_emulator/faults", UriKind.Relative),
            Json("""{"model":"qwen2.5:3b","error_status":502,"error_body":"<html><title>502 Bad Gateway</title></html>","error_content_type":"text/html"}"""));

        foreach (var (path, body) in new[]
        {
            ("api/generate", Streaming),
            ("v1/chat/completions", """{"model":"qwen2.5:3b","messages":[{"role":"user","content":"hi"}]}"""),
            ("v1/messages", """{"model":"qwen2.5:3b","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""),
        })
        {
            using var response = await http.PostAsync(new Uri(path, UriKind.Relative), Json(body));
            Assert.Equal(502, (int)response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("<html><title>502 Bad Gateway</title></html>", await response.Content.ReadAsStringAsync());
        }

        using var tags = await http.GetAsync(new Uri("api/tags", UriKind.Relative));
        Assert.True(tags.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Faults_can_be_set_and_cleared_over_http()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        using var set = await http.PostAsync(new Uri("_emulator/faults", UriKind.Relative), Json("""{"model":"qwen2.5:3b","model_not_found":true}"""));
        Assert.Equal(204, (int)set.StatusCode);
        var (missing, _) = await PostAsync(http, "api/generate", Streaming);
        Assert.Equal(404, (int)missing.StatusCode);

        var faults = await GetAsync(http, "_emulator/faults");
        Assert.Contains(faults.EnumerateArray(), f => f.TryGetProperty("model", out var model) && model.GetString() == "qwen2.5:3b" && f.GetProperty("model_not_found").GetBoolean());

        using var clear = await http.DeleteAsync(new Uri("_emulator/faults", UriKind.Relative));
        var (found, _) = await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"x","stream":false}""");
        Assert.Equal(200, (int)found.StatusCode);
    }

    [Fact]
    public async Task Host_down_set_over_http_can_be_lifted_over_http()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        using var down = await http.PostAsync(new Uri("_emulator/faults", UriKind.Relative), Json("""{"host_down":true}"""));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("api/tags", UriKind.Relative)));

        using var up = await http.DeleteAsync(new Uri("_emulator/faults", UriKind.Relative));
        using var tags = await http.GetAsync(new Uri("api/tags", UriKind.Relative));
        Assert.True(tags.IsSuccessStatusCode);
    }
    [Fact]
    public async Task Reply_for_one_model_answers_that_text_on_the_ollama_and_openai_shapes()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { Reply = "I cannot help with that." }, "qwen2.5:3b");

        var (_, lines) = await PostStreamAsync(http, "api/chat", """{"model":"qwen2.5:3b","messages":[{"role":"user","content":"Explain DI"}]}""");
        var (_, openAi) = await PostAsync(http, "v1/chat/completions", """{"model":"qwen2.5:3b","messages":[{"role":"user","content":"Explain DI"}]}""");
        var (_, other) = await PostAsync(http, "api/generate", """{"model":"qwen2.5-coder:14b","prompt":"Explain DI","stream":false}""");

        Assert.Equal("I cannot help with that.", string.Concat(lines.Select(l => l.GetProperty("message").GetProperty("content").GetString())));
        Assert.Equal("I cannot help with that.", openAi.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.NotEqual("I cannot help with that.", other.GetProperty("response").GetString());
    }

    [Fact]
    public async Task Empty_reply_set_over_http_gives_an_empty_answer_that_still_ends_with_done()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        using var set = await http.PostAsync(new Uri("_emulator/faults", UriKind.Relative), Json("""{"reply":""}"""));

        var (_, lines) = await PostStreamAsync(http, "api/generate", Streaming);

        var done = Assert.Single(lines);
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal("", done.GetProperty("response").GetString());
    }
}

using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Log_records_endpoint_model_prompt_suffix_and_completion()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        await PostStreamAsync(http, "api/generate", """{"model":"qwen2.5-coder:14b","prompt":"int Sum(int a, int b)\n{","suffix":"\n}"}""");

        var record = Assert.Single(emulator.Requests);
        Assert.Equal("/api/generate", record.Endpoint);
        Assert.Equal("qwen2.5-coder:14b", record.Model);
        Assert.Equal("int Sum(int a, int b)\n{", record.Prompt);
        Assert.Equal("\n}", record.Suffix);
        Assert.True(record.Stream);
        Assert.Equal(EmulatorRequestOutcome.Completed, record.Outcome);
        Assert.True(record.Chunks > 1);
    }

    [Fact]
    public async Task Client_closing_a_slow_stream_early_is_recorded_as_closed_early()
    {
        // Real-time pacing at 20 tokens/s: the answer cannot finish before the client leaves.
        var slow = new ModelProfile { Name = "slow:1b", TokensPerSecond = 20, TimeToFirstToken = TimeSpan.Zero, ColdLoad = TimeSpan.Zero };
        await using var emulator = await StartAsync(new EmulatorOptions { Models = [slow], TimeScale = 1 });

        // No draining: disposing the response closes the connection, as a client abandoning a stream does.
        using var handler = new SocketsHttpHandler { MaxResponseDrainSize = 0, ResponseDrainTimeout = TimeSpan.Zero };
        using var http = new HttpClient(handler) { BaseAddress = emulator.BaseAddress, Timeout = Patience };
        using (var response = await http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, new Uri("api/generate", UriKind.Relative))
            {
                Content = Json("""{"model":"slow:1b","prompt":"Write a long essay about rivers","options":{"num_predict":2000}}"""),
            },
            HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.NotNull(await reader.ReadLineAsync());
        }

        var record = await emulator.WaitForRequestAsync(r => r.Outcome != EmulatorRequestOutcome.InProgress, Deadline());
        Assert.Equal(EmulatorRequestOutcome.ClientClosed, record.Outcome);
        Assert.InRange(record.Chunks, 1, 1999);
    }

    [Fact]
    public async Task Requests_are_queryable_over_http()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        await PostAsync(http, "api/chat", """{"model":"qwen2.5:3b","stream":false,"messages":[{"role":"user","content":"hello there"}]}""");

        var requests = await GetAsync(http, "_emulator/requests");

        var record = Assert.Single(requests.EnumerateArray());
        Assert.Equal("/api/chat", record.GetProperty("endpoint").GetString());
        Assert.Equal("hello there", record.GetProperty("prompt").GetString());
        Assert.Equal("completed", record.GetProperty("outcome").GetString());

        using var cleared = await http.DeleteAsync(new Uri("_emulator/requests", UriKind.Relative));
        Assert.Empty(emulator.Requests);
    }
}

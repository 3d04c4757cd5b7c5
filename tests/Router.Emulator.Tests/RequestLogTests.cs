using System.Globalization;
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

    [Fact]
    public async Task The_log_says_which_request_loaded_its_model_cold_and_what_keep_alive_it_sent()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        (await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"hi","stream":false,"keep_alive":"-1"}""")).Response.Dispose();
        (await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"again","stream":false,"options":{"num_ctx":4096}}""")).Response.Dispose();
        (await PostAsync(http, "api/generate", """{"model":"deepseek-r1:8b","prompt":"","keep_alive":"2m"}""")).Response.Dispose();

        var records = (await GetAsync(http, "_emulator/requests")).EnumerateArray().ToList();
        Assert.Equal(3, records.Count);
        var coldLoad = BuiltInModelProfiles.All.Single(m => m.Name == "qwen2.5:3b").ColdLoad.TotalMilliseconds;
        Assert.Equal(coldLoad, records[0].GetProperty("cold_load_ms").GetDouble());
        Assert.Equal("-1", records[0].GetProperty("keep_alive").GetString());
        Assert.False(records[1].TryGetProperty("cold_load_ms", out _));
        Assert.Equal(4096, records[1].GetProperty("num_ctx").GetInt32());
        // A load request (empty prompt) that loads its model is a cold load too.
        Assert.True(records[2].GetProperty("cold_load_ms").GetDouble() > 0);
        Assert.Equal("2m", records[2].GetProperty("keep_alive").GetString());
    }

    [Fact]
    public async Task Moving_the_clock_on_over_http_lets_keep_alive_expire_and_the_next_request_loads_cold()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        (await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"hi","stream":false}""")).Response.Dispose();

        var (fourMinutes, moved) = await PostAsync(http, "_emulator/clock", """{"advance_ms":240000}""");
        fourMinutes.Dispose();
        Assert.True(DateTimeOffset.Parse(moved.GetProperty("now").GetString()!, CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(3));
        Assert.Equal(["qwen2.5:3b"], emulator.LoadedModels);

        // The default keep_alive is 5m: two more minutes of idle time unload the model.
        (await PostAsync(http, "_emulator/clock", """{"advance_ms":120000}""")).Response.Dispose();
        Assert.Empty(emulator.LoadedModels);
        (await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"back","stream":false}""")).Response.Dispose();
        Assert.NotNull(emulator.Requests[^1].ColdLoad);
    }

    [Theory]
    [InlineData("""{"advance_ms":-1}""")]
    [InlineData("""{}""")]
    [InlineData("""{"advance_ms":"soon"}""")]
    public async Task The_clock_never_moves_back_and_a_bad_move_is_a_400(string body)
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, error) = await PostAsync(http, "_emulator/clock", body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
        response.Dispose();
    }
}

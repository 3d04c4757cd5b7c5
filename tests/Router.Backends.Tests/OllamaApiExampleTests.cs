using Microsoft.Extensions.AI;
using Router.Backends.Ollama;
using Router.Backends.Providers;
using static Router.Backends.Tests.ModelChunks;
using Router.Backends.Tests.Providers;

namespace Router.Backends.Tests;

/// <summary>The response examples of Ollama's API reference (files in OllamaApiExamples/), each served byte for byte from a
/// loopback host and read through <see cref="OllamaProvider"/>: whatever Ollama documents, the router reads as documented.</summary>
public sealed class OllamaApiExampleTests
{
    private const string Json = "application/json; charset=utf-8";
    private const string NdJson = "application/x-ndjson";

    private static TimeSpan Nanoseconds(long value) => TimeSpan.FromTicks(value / 100);

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private static async Task<(CannedReplyHost Host, HttpClient Http, OllamaProvider Provider)> ServeAsync(string example, string contentType, int status = 200)
    {
        byte[] body = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "OllamaApiExamples", example));
        CannedReplyHost host = CannedReplyHost.Start(new CannedReply(status, contentType, body));
        HttpClient http = ProviderHttpClient.Create();
        return (host, http, new OllamaProvider("documented", host.BaseAddress, http));
    }

    [Fact]
    public async Task Streamed_generate_gives_the_text_then_the_documented_counts_and_durations()
    {
        var (host, http, provider) = await ServeAsync("generate-stream.ndjson", NdJson);
        await using (host)
        using (http)
        using (provider)
        {
            var chunks = await CollectAsync(provider.StreamAsync(new ModelRequest("llama3.2") { Prompt = "Why is the sky blue?" }, Deadline()));

            Assert.Equal(["The", ""], chunks.Select(c => c.Text));
            Assert.False(chunks[0].Done);
            Assert.Equal(new ModelUsage(26, 259, Nanoseconds(10706818083), Nanoseconds(6338219291), Nanoseconds(130079000), Nanoseconds(4232710000)), chunks[1].Usage);
        }
    }

    [Fact]
    public async Task Generate_without_streaming_gives_the_whole_answer_and_its_usage()
    {
        var (host, http, provider) = await ServeAsync("generate-no-stream.json", Json);
        await using (host)
        using (http)
        using (provider)
        {
            var answer = await provider.GenerateAsync(new ModelRequest("llama3.2") { Prompt = "Why is the sky blue?" }, Deadline());

            Assert.Equal("The sky is blue because it is the color of the sky.", answer.Text);
            Assert.True(answer.Done);
            Assert.Equal(new ModelUsage(26, 290, Nanoseconds(5043500667), Nanoseconds(5025959), Nanoseconds(325953000), Nanoseconds(4709213000)), answer.Usage);
        }
    }

    [Fact]
    public async Task Generate_with_a_suffix_gives_the_middle_and_stop()
    {
        var (host, http, provider) = await ServeAsync("generate-suffix.json", Json);
        await using (host)
        using (http)
        using (provider)
        {
            var request = new ModelRequest("codellama:code") { Prompt = "def compute_gcd(a, b):", Suffix = "    return result", Options = new GenerationOptions { Temperature = 0 } };

            var answer = await provider.GenerateAsync(request, Deadline());

            Assert.StartsWith("\n  if a == 0:\n    return b", answer.Text, StringComparison.Ordinal);
            Assert.Equal("stop", answer.DoneReason);
            Assert.Equal(63, answer.Usage!.OutputTokens);
            Assert.Equal(Nanoseconds(6683708), answer.Usage.LoadDuration);
        }
    }

    [Theory]
    [InlineData("generate-load.json", null)]
    [InlineData("generate-unload.json", "unload")]
    public async Task Loading_and_unloading_answer_one_empty_done_chunk(string example, string? doneReason)
    {
        var (host, http, provider) = await ServeAsync(example, Json);
        await using (host)
        using (http)
        using (provider)
        {
            var answer = await provider.GenerateAsync(new ModelRequest("llama3.2") { KeepAlive = doneReason is null ? null : "0" }, Deadline());

            Assert.True(answer.Done);
            Assert.Equal("", answer.Text);
            Assert.Equal(doneReason, answer.DoneReason);
        }
    }

    [Fact]
    public async Task Streamed_chat_gives_the_assistants_text_then_the_documented_counts_and_durations()
    {
        var (host, http, provider) = await ServeAsync("chat-stream.ndjson", NdJson);
        await using (host)
        using (http)
        using (provider)
        {
            var request = new ModelRequest("llama3.2") { Messages = [new ChatTurn("user", "why is the sky blue?")] };

            var chunks = await CollectAsync(provider.StreamAsync(request, Deadline()));

            Assert.Equal("The", chunks[0].Text);
            Assert.True(chunks[^1].Done);
            Assert.Equal(new ModelUsage(26, 282, Nanoseconds(4883583458), Nanoseconds(1334875), Nanoseconds(342546000), Nanoseconds(4535599000)), chunks[^1].Usage);
        }
    }

    [Fact]
    public async Task Chat_without_streaming_through_the_chat_client_gives_the_message_and_usage()
    {
        var (host, http, provider) = await ServeAsync("chat-no-stream.json", Json);
        await using (host)
        using (http)
        using (provider)
        {
            var response = await provider.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "why is the sky blue?")], new ChatOptions { ModelId = "llama3.2" }, Deadline());

            Assert.Equal("Hello! How are you today?", response.Text);
            Assert.Equal(26, response.Usage!.InputTokenCount);
            Assert.Equal(298, response.Usage.OutputTokenCount);
        }
    }

    [Fact]
    public async Task Tags_list_each_model_with_its_details()
    {
        var (host, http, provider) = await ServeAsync("tags.json", Json);
        await using (host)
        using (http)
        using (provider)
        {
            var models = await provider.ListModelsAsync(Deadline());

            Assert.Equal(["deepseek-r1:latest", "llama3.2:latest"], models.Select(m => m.Name));
            Assert.Equal(4683075271, models[0].Size);
            Assert.Equal("qwen2", models[0].Details.Family);
            Assert.Equal("3.2B", models[1].Details.ParameterSize);
            Assert.Equal("Q4_K_M", models[1].Details.QuantizationLevel);
        }
    }

    [Fact]
    public async Task Ps_lists_the_loaded_model_with_its_vram_and_expiry_instant()
    {
        var (host, http, provider) = await ServeAsync("ps.json", Json);
        await using (host)
        using (http)
        using (provider)
        {
            var model = Assert.Single(await provider.ListRunningModelsAsync(Deadline()));

            Assert.Equal("mistral:latest", model.Name);
            Assert.Equal(5137025024, model.SizeVram);
            Assert.Equal(new DateTimeOffset(2024, 6, 4, 21, 38, 31, TimeSpan.Zero).AddTicks(8375300), OllamaModelFacts.ExpiresAt(model));
        }
    }

    [Fact]
    public async Task Show_gives_capabilities_and_the_model_info_the_router_uses()
    {
        var (host, http, provider) = await ServeAsync("show.json", Json);
        await using (host)
        using (http)
        using (provider)
        {
            var show = await provider.ShowAsync("llava", Deadline());

            Assert.True(OllamaModelFacts.HasCapability(show, "vision"));
            Assert.False(OllamaModelFacts.HasCapability(show, "insert"));
            Assert.Equal(8192, OllamaModelFacts.ContextLength(show));
            Assert.Equal("llama", show.Info.Architecture);
            Assert.Equal(8030261248, show.Info.ParameterCount);
            Assert.Contains("llama.attention.head_count_kv", show.Info.ExtraInfo!.Keys);
            Assert.Contains("{{ .Prompt }}", show.Template, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_is_read()
    {
        var (host, http, provider) = await ServeAsync("version.json", Json);
        await using (host)
        using (http)
        using (provider)
        {
            Assert.Equal("0.5.1", await provider.GetVersionAsync(Deadline()));
        }
    }

    [Fact]
    public async Task An_error_in_the_middle_of_a_stream_ends_it_as_a_server_error_after_the_text_before_it()
    {
        var (host, http, provider) = await ServeAsync("error-mid-stream.ndjson", NdJson);
        await using (host)
        using (http)
        using (provider)
        {
            var received = new List<string>();
            var error = await Assert.ThrowsAsync<ProviderException>(async () =>
            {
                await foreach (var chunk in provider.StreamAsync(new ModelRequest("gemma4") { Prompt = "Is the sky blue?" }, Deadline()))
                {
                    received.Add(chunk.Text);
                }
            });

            Assert.Equal([" Yes", ".", "I", "can"], received);
            Assert.Equal(ProviderErrorKind.ServerError, error.Kind);
            Assert.Contains("an error was encountered while running the model", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_documented_error_body_is_a_server_error_with_its_message()
    {
        var (host, http, provider) = await ServeAsync("error.json", Json, status: 500);
        await using (host)
        using (http)
        using (provider)
        {
            var error = await Assert.ThrowsAsync<ProviderException>(() => provider.GenerateAsync(new ModelRequest("gemma4") { Prompt = "hi" }, Deadline()));

            Assert.Equal(ProviderErrorKind.ServerError, error.Kind);
            Assert.Equal(500, error.StatusCode);
            Assert.Contains("the model failed to generate a response", error.Message, StringComparison.Ordinal);
        }
    }
}

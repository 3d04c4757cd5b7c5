using System.Text.Json;
using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

public sealed class GenerateEndpointTests
{
    [Fact]
    public async Task Streaming_generate_answers_ndjson_lines_in_Ollamas_shape_with_timings_on_the_final_line()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, lines) = await PostStreamAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"Why is the sky blue?"}""");

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.True(lines.Count > 2);
        foreach (var chunk in lines[..^1])
        {
            Assert.Equal(Sorted("model", "created_at", "response", "done"), PropertyNames(chunk));
            Assert.False(chunk.GetProperty("done").GetBoolean());
            Assert.Equal("qwen2.5:3b", chunk.GetProperty("model").GetString());
        }

        var final = lines[^1];
        Assert.Equal(
            Sorted("model", "created_at", "response", "done", "done_reason", "context", "total_duration", "load_duration",
                "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration"),
            PropertyNames(final));
        Assert.True(final.GetProperty("done").GetBoolean());
        Assert.Equal("stop", final.GetProperty("done_reason").GetString());
        Assert.Equal("", final.GetProperty("response").GetString());
        Assert.Equal(lines.Count - 1, final.GetProperty("eval_count").GetInt32());
        Assert.True(final.GetProperty("prompt_eval_count").GetInt32() > 0);
        Assert.True(final.GetProperty("total_duration").GetInt64() >= final.GetProperty("eval_duration").GetInt64());
        Assert.True(DateTimeOffset.TryParse(final.GetProperty("created_at").GetString(), out _));
    }

    [Fact]
    public async Task Non_streaming_generate_answers_one_json_object_with_the_whole_text()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, body) = await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"Explain recursion","stream":false}""");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("done").GetBoolean());
        Assert.Contains("recursion", body.GetProperty("response").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(body.GetProperty("eval_count").GetInt32() > 5);
    }

    [Fact]
    public async Task Same_request_gives_the_same_answer()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        const string request = """{"model":"qwen2.5:3b","prompt":"What is a monad?","stream":false}""";

        var (_, first) = await PostAsync(http, "api/generate", request);
        var (_, second) = await PostAsync(http, "api/generate", request);

        Assert.Equal(first.GetProperty("response").GetString(), second.GetProperty("response").GetString());
    }

    [Fact]
    public async Task Fill_in_the_middle_continues_the_prefix_as_code_in_its_indentation()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        var request = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = "qwen2.5-coder:14b",
            ["prompt"] = "def compute_gcd(a, b):",
            ["suffix"] = "\n\nprint(compute_gcd(4, 6))\n",
            ["stream"] = false,
        });

        var (_, body) = await PostAsync(http, "api/generate", request);

        var text = body.GetProperty("response").GetString()!;
        Assert.StartsWith("\n    ", text, StringComparison.Ordinal);
        Assert.Contains("return", text, StringComparison.Ordinal);
        Assert.Contains("a", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Num_predict_cuts_the_answer_with_done_reason_length()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, lines) = await PostStreamAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"Tell me about compilers","options":{"num_predict":3}}""");

        Assert.Equal(4, lines.Count);
        Assert.Equal("length", lines[^1].GetProperty("done_reason").GetString());
        Assert.Equal(3, lines[^1].GetProperty("eval_count").GetInt32());
    }

    [Fact]
    public async Task Prompt_longer_than_num_ctx_is_evaluated_only_up_to_the_window()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        var longPrompt = string.Join(' ', Enumerable.Repeat("word", 50));

        var (_, small) = await PostAsync(http, "api/generate", $$$"""{"model":"qwen2.5:3b","prompt":"{{{longPrompt}}}","stream":false,"options":{"num_ctx":10}}""");
        var (_, roomy) = await PostAsync(http, "api/generate", $$"""{"model":"qwen2.5:3b","prompt":"{{longPrompt}}","stream":false}""");

        Assert.Equal(10, small.GetProperty("prompt_eval_count").GetInt32());
        Assert.Equal(50, roomy.GetProperty("prompt_eval_count").GetInt32());
    }

    [Fact]
    public async Task Stop_sequence_ends_the_answer_before_it()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        var request = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = "qwen2.5-coder:14b",
            ["prompt"] = "    public int Add(int a, int b)\n    {",
            ["suffix"] = "\n}\n",
            ["stream"] = false,
            ["options"] = new Dictionary<string, object> { ["stop"] = new[] { "\n" } },
        });

        var (_, body) = await PostAsync(http, "api/generate", request);

        Assert.Equal("", body.GetProperty("response").GetString());
        Assert.Equal("stop", body.GetProperty("done_reason").GetString());
    }

    [Fact]
    public async Task Raw_generate_returns_no_context_and_reads_fim_tokens()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        var request = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = "qwen2.5-coder:14b",
            ["prompt"] = "<|fim_prefix|>function total(items) {<|fim_suffix|>\n}\n<|fim_middle|>",
            ["raw"] = true,
            ["stream"] = false,
        });

        var (_, body) = await PostAsync(http, "api/generate", request);

        Assert.False(body.TryGetProperty("context", out _));
        Assert.Contains("items", body.GetProperty("response").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suffix_for_a_model_without_insert_is_rejected_like_Ollama()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, body) = await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"int x =","suffix":";"}""");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("does not support insert", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_model_answers_404_with_Ollamas_error_body()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, body) = await PostAsync(http, "api/generate", """{"model":"nope:1b","prompt":"hi"}""");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(Sorted("error"), PropertyNames(body));
        Assert.Equal("model 'nope:1b' not found", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Empty_prompt_loads_the_model_and_keep_alive_zero_unloads_it()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, loaded) = await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b"}""");
        Assert.Equal("load", loaded.GetProperty("done_reason").GetString());
        Assert.Contains("qwen2.5:3b", emulator.LoadedModels);

        var (_, unloaded) = await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","keep_alive":0}""");
        Assert.Equal("unload", unloaded.GetProperty("done_reason").GetString());
        Assert.DoesNotContain("qwen2.5:3b", emulator.LoadedModels);
    }

    [Fact]
    public async Task Reasoning_model_answers_with_a_think_block_first()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, body) = await PostAsync(http, "api/generate", """{"model":"deepseek-r1:8b","prompt":"Prove the lemma","stream":false}""");

        Assert.StartsWith("<think>", body.GetProperty("response").GetString(), StringComparison.Ordinal);
    }
}

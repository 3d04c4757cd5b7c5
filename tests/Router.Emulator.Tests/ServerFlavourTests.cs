using System.Text.Json;
using static Router.Emulator.Tests.CloudShapes;
using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

/// <summary>Each emulated server takes and refuses fill-in-the-middle as the real one does, with its own status and body.</summary>
public sealed class ServerFlavourTests
{
    private const string SuffixRequest = """{"model":"qwen2.5-coder:14b","prompt":"def add(a, b):\n    return ","suffix":"\n\nprint(add(1, 2))\n","max_tokens":32}""";

    [Fact]
    public async Task Vllm_refuses_suffix_with_its_own_400_error_response()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Flavour = EmulatorFlavour.Vllm });
        using var http = Client(emulator);

        var (response, body) = await PostAsync(http, "v1/completions", SuffixRequest);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(
            """{"object":"error","message":"suffix is not currently supported","type":"BadRequestError","param":null,"code":400}""",
            body.GetRawText());
        Assert.Equal("uvicorn", response.Headers.Server.ToString());
    }

    [Fact]
    public async Task Llama_cpp_refuses_suffix_on_its_openai_path_with_a_500_and_fills_in_on_infill()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Flavour = EmulatorFlavour.LlamaCpp });
        using var http = Client(emulator);

        var (refused, error) = await PostAsync(http, "v1/completions", SuffixRequest);
        var (_, events) = await PostEventsAsync(
            http, "infill", """{"input_prefix":"def add(a, b):\n    return ","input_suffix":"\n","input_extra":[{"filename":"a.py","text":"x = 1\n"}],"stream":true}""");

        Assert.Equal(500, (int)refused.StatusCode);
        Assert.Equal("""{"error":{"code":500,"message":"Unsupported param: suffix","type":"server_error"}}""", error.GetRawText());
        var chunks = events.Select(e => Parse(e.Data)).ToList();
        Assert.All(chunks[..^1], c => Assert.False(c.GetProperty("stop").GetBoolean()));
        Assert.True(chunks[^1].GetProperty("stop").GetBoolean());
        Assert.NotEmpty(string.Concat(chunks.Select(c => c.GetProperty("content").GetString())));
        var props = await GetAsync(http, "props");
        Assert.Equal(JsonValueKind.Object, props.GetProperty("default_generation_settings").ValueKind);
    }

    [Theory]
    [InlineData(EmulatorFlavour.SgLang)]
    [InlineData(EmulatorFlavour.LmStudio)]
    public async Task Sglang_and_lm_studio_take_suffix_but_continue_the_prefix_as_if_nothing_followed(EmulatorFlavour flavour)
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Flavour = flavour });
        using var http = Client(emulator);

        var (response, body) = await PostAsync(http, "v1/completions", SuffixRequest);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotEmpty(body.GetProperty("choices")[0].GetProperty("text").GetString()!);
    }

    [Fact]
    public async Task Codestral_has_fim_completions_and_no_completions_and_refuses_fields_it_does_not_declare()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Flavour = EmulatorFlavour.Codestral });
        using var http = Client(emulator);

        var (missing, _) = await PostAsync(http, "v1/completions", SuffixRequest);
        var (extra, error) = await PostAsync(
            http, "v1/fim/completions", """{"model":"qwen2.5-coder:14b","prompt":"x = ","suffix":"\n","stream":true,"stream_options":{"include_usage":true}}""");
        var (_, events) = await PostEventsAsync(http, "v1/fim/completions", """{"model":"qwen2.5-coder:14b","prompt":"def add(a, b):\n    return ","suffix":"\n","stream":true}""");

        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal(422, (int)extra.StatusCode);
        Assert.Equal("extra_forbidden", error.GetProperty("message").GetProperty("detail")[0].GetProperty("type").GetString());
        Assert.Equal("[DONE]", events[^1].Data);
        var text = string.Concat(events[..^1].Select(e => Parse(e.Data).GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()));
        Assert.NotEmpty(text);
    }

    [Fact]
    public async Task Deepseek_fills_in_the_middle_on_its_beta_base_url_only()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Flavour = EmulatorFlavour.DeepSeek });
        using var http = Client(emulator);

        var (beta, body) = await PostAsync(http, "beta/completions", SuffixRequest);
        var (plain, _) = await PostAsync(http, "v1/completions", SuffixRequest);

        Assert.Equal(200, (int)beta.StatusCode);
        Assert.NotEmpty(body.GetProperty("choices")[0].GetProperty("text").GetString()!);
        Assert.Equal(404, (int)plain.StatusCode);
    }

    [Theory]
    [InlineData(EmulatorFlavour.Vllm, "vllm")]
    [InlineData(EmulatorFlavour.LlamaCpp, "llamacpp")]
    [InlineData(EmulatorFlavour.SgLang, "sglang")]
    [InlineData(EmulatorFlavour.LmStudio, "organization_owner")]
    [InlineData(EmulatorFlavour.DeepSeek, "deepseek")]
    [InlineData(EmulatorFlavour.Codestral, "mistralai")]
    public async Task Each_server_names_itself_in_its_model_list_as_its_source_does(EmulatorFlavour flavour, string ownedBy)
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Flavour = flavour });
        using var http = Client(emulator);

        var list = await GetAsync(http, "v1/models");

        Assert.All(list.GetProperty("data").EnumerateArray(), m => Assert.Equal(ownedBy, m.GetProperty("owned_by").GetString()));
    }

    [Fact]
    public async Task Only_ollama_serves_the_ollama_api()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Flavour = EmulatorFlavour.Vllm });
        using var http = Client(emulator);

        using var response = await http.GetAsync(new Uri("api/tags", UriKind.Relative));

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public void A_profile_file_names_its_flavour_and_an_unknown_one_is_refused()
    {
        Assert.Equal(EmulatorFlavour.LlamaCpp, EmulatorProfileFile.Parse("""{"flavour":"llamacpp"}""", "p.json").Flavour);
        FormatException error = Assert.Throws<FormatException>(() => EmulatorProfileFile.Parse("""{"flavour":"tgi"}""", "p.json"));
        Assert.Contains("vllm, llamacpp, sglang, lmstudio, deepseek, codestral", error.Message, StringComparison.Ordinal);
    }
}

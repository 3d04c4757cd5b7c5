using Router.Backends.FillInTheMiddle;
using Router.Backends.OpenAi;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Emulator;

namespace Router.Backends.Tests.OpenAi;

/// <summary>The OpenAI provider's fill-in-the-middle modes against emulated servers over real HTTP on 127.0.0.1.</summary>
public sealed class FillInTheMiddleModeTests
{
    private const string Prefix = "def add(a, b):\n    return ";
    private const string Suffix = "\n\nprint(add(1, 2))\n";

    public static TheoryData<EmulatorFlavour, string, FillInTheMiddleMode, string> Servers => new()
    {
        { EmulatorFlavour.Vllm, "/v1", FillInTheMiddleMode.Template, "owned_by vllm" },
        { EmulatorFlavour.LlamaCpp, "/v1", FillInTheMiddleMode.Infill, "Server: llama.cpp" },
        { EmulatorFlavour.SgLang, "/v1", FillInTheMiddleMode.Template, "owned_by sglang" },
        { EmulatorFlavour.LmStudio, "/v1", FillInTheMiddleMode.Template, "owned_by organization_owner" },
        { EmulatorFlavour.DeepSeek, "/beta", FillInTheMiddleMode.Suffix, "owned_by deepseek" },
        { EmulatorFlavour.Codestral, "/v1", FillInTheMiddleMode.FimEndpoint, "owned_by mistralai" },
        { EmulatorFlavour.Ollama, "/v1", FillInTheMiddleMode.Suffix, "not recognised" },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Each_server_is_recognised_from_what_it_says_of_itself(EmulatorFlavour flavour, string apiRoot, FillInTheMiddleMode mode, string evidence)
    {
        await using EmulatedHost host = await StartAsync(flavour);
        OpenAiProvider provider = Provider(host, apiRoot, new FillInTheMiddleModeBook());

        FillInTheMiddleChoice choice = await provider.FillInTheMiddleModeAsync("qwen2.5-coder:14b", EmulatedHost.Deadline());

        Assert.Equal(mode, choice.Mode);
        Assert.Contains(evidence, choice.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_llama_cpp_server_behind_a_proxy_is_still_recognised_by_its_props()
    {
        await using EmulatedHost host = await StartAsync(EmulatorFlavour.LlamaCpp, ownedBy: "openai");
        OpenAiProvider provider = Provider(host, "/v1", new FillInTheMiddleModeBook());

        FillInTheMiddleChoice choice = await provider.FillInTheMiddleModeAsync("qwen2.5-coder:14b", EmulatedHost.Deadline());

        Assert.Equal(FillInTheMiddleMode.Infill, choice.Mode);
        Assert.Contains("GET /props", choice.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_suffix_costs_one_retry_once_per_endpoint_and_model_and_never_again()
    {
        // A proxy in front of vLLM hides its name: only the rejection tells.
        await using EmulatedHost host = await StartAsync(EmulatorFlavour.Vllm, ownedBy: "openai", models: ["qwen2.5-coder:14b", "starcoder2:7b"]);
        FillInTheMiddleModeBook book = new();
        OpenAiProvider provider = Provider(host, "/v1", book);

        for (int i = 0; i < 3; i++)
        {
            Assert.NotEmpty(Text(await CollectAsync(provider, Fim("qwen2.5-coder:14b"))));
        }

        for (int i = 0; i < 2; i++)
        {
            Assert.NotEmpty(Text(await CollectAsync(provider, Fim("starcoder2:7b"))));
        }

        // A reloaded configuration makes a new provider; the book outlives it.
        OpenAiProvider reloaded = Provider(host, "/v1", book);
        Assert.NotEmpty(Text(await CollectAsync(reloaded, Fim("qwen2.5-coder:14b"))));

        List<EmulatorRequestRecord> completions = host.Emulator.Requests.Where(r => r.Endpoint == "/v1/completions").ToList();
        Assert.Equal(6 + 2, completions.Count);
        Assert.Single(completions, r => r.Model == "qwen2.5-coder:14b" && r.Suffix is not null);
        Assert.Single(completions, r => r.Model == "starcoder2:7b" && r.Suffix is not null);
        Assert.All(completions.Where(r => r.Suffix is not null), r => Assert.Equal(EmulatorRequestOutcome.Failed, r.Outcome));
        Assert.Equal(FillInTheMiddleMode.Template, book.Find(new Uri(host.Emulator.BaseAddress, "v1"), "qwen2.5-coder:14b")?.Mode);
        Assert.Contains("suffix is not currently supported", book.Find(new Uri(host.Emulator.BaseAddress, "v1"), "starcoder2:7b")?.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_was_down_at_the_first_completion_is_asked_again_when_it_is_back()
    {
        int port = OpenAiProviderTests.ClosedPort();
        using HttpClient http = Router.Backends.Providers.ProviderHttpClient.Create();
        OpenAiProvider provider = new("laptop", new Uri($"http://127.0.0.1:{port}/v1"), ApiKeySource.None, http, null, new FillInTheMiddleModeBook());

        ProviderException down = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Fim("qwen2.5-coder:14b")));
        await using EmulatedHost host = await EmulatedHost.StartAsync(new EmulatorOptions
        {
            TimeScale = 0,
            Port = port,
            Flavour = EmulatorFlavour.LlamaCpp,
            Models = [new ModelProfile { Name = "qwen2.5-coder:14b", Capabilities = ["completion", "insert"] }],
        });
        List<ModelChunk> chunks = await CollectAsync(provider, Fim("qwen2.5-coder:14b"));

        Assert.Equal(ProviderErrorKind.Unreachable, down.Kind);
        Assert.True(chunks[^1].Done);
        Assert.Single(host.Emulator.Requests, r => r.Endpoint == "/infill");
        Assert.DoesNotContain(host.Emulator.Requests, r => r.Endpoint == "/v1/completions");
    }

    [Fact]
    public async Task A_suffix_set_in_router_yaml_is_not_switched_when_rejected()
    {
        await using EmulatedHost host = await StartAsync(EmulatorFlavour.Vllm);
        OpenAiProvider provider = new("vllm", new Uri(host.Emulator.BaseAddress, "v1"), ApiKeySource.None, host.Http, FillInTheMiddleMode.Suffix, new FillInTheMiddleModeBook());

        ProviderException error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Fim("qwen2.5-coder:14b")));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("suffix is not currently supported", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Emulator.Requests, r => r.Endpoint == "/v1/completions");
    }

    [Fact]
    public async Task In_template_mode_the_server_stops_at_the_family_end_tokens()
    {
        await using EmulatedHost host = await StartAsync(EmulatorFlavour.Vllm);
        OpenAiProvider provider = Provider(host, "/v1", new FillInTheMiddleModeBook());

        // The emulated model runs on past its middle with <|file_sep|> and another file, as Qwen coders do.
        string text = Text(await CollectAsync(provider, Fim("qwen2.5-coder:14b")));

        Assert.NotEmpty(text);
        Assert.DoesNotContain("<|file_sep|>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("next file", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_with_no_known_template_on_a_server_without_suffix_only_continues_the_prefix()
    {
        await using EmulatedHost host = await StartAsync(EmulatorFlavour.Vllm, models: ["meta-llama/Llama-3.1-8B"]);
        OpenAiProvider provider = Provider(host, "/v1", new FillInTheMiddleModeBook());

        FillInTheMiddleChoice choice = await provider.FillInTheMiddleModeAsync("meta-llama/Llama-3.1-8B", EmulatedHost.Deadline());
        List<ModelChunk> chunks = await CollectAsync(provider, Fim("meta-llama/Llama-3.1-8B"));

        Assert.Equal(FillInTheMiddleMode.None, choice.Mode);
        Assert.Contains("no FIM template is known", choice.HowFound, StringComparison.Ordinal);
        Assert.True(chunks[^1].Done);
        EmulatorRequestRecord sent = Assert.Single(host.Emulator.Requests, r => r.Endpoint == "/v1/completions");
        Assert.Null(sent.Suffix);
        Assert.Equal(Prefix, sent.Prompt);
    }

    [Fact]
    public async Task Llama_cpp_infill_streams_until_its_stop_chunk_with_usage()
    {
        await using EmulatedHost host = await StartAsync(EmulatorFlavour.LlamaCpp);
        OpenAiProvider provider = Provider(host, "/v1", new FillInTheMiddleModeBook());

        List<ModelChunk> chunks = await CollectAsync(provider, Fim("qwen2.5-coder:14b"));

        Assert.NotEmpty(Text(chunks));
        Assert.True(chunks[^1].Done);
        Assert.Equal("stop", chunks[^1].DoneReason);
        Assert.Equal(chunks.Count - 1, chunks[^1].Usage?.OutputTokens);
        EmulatorRequestRecord sent = Assert.Single(host.Emulator.Requests, r => r.Endpoint == "/infill");
        Assert.Equal(Prefix, sent.Prompt);
        Assert.Equal(Suffix, sent.Suffix);
    }

    [Theory]
    [InlineData(400, """{"object":"error","message":"suffix is not currently supported","type":"BadRequestError","param":null,"code":400}""", true)]
    [InlineData(500, """{"error":{"code":500,"message":"Unsupported param: suffix","type":"server_error"}}""", true)]
    [InlineData(422, """{"detail":[{"loc":["body","suffix"],"msg":"extra fields not permitted"}]}""", true)]
    [InlineData(400, """{"error":{"message":"max_tokens is too large"}}""", false)]
    [InlineData(500, """{"error":{"message":"CUDA out of memory while handling suffix"}}""", false)]
    [InlineData(404, """{"detail":"suffix route Not Found"}""", false)]
    public void Only_a_refusal_of_the_suffix_itself_switches_the_mode(int status, string body, bool rejects)
    {
        HttpErrorReply reply = HttpErrorReply.From(status, System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Equal(rejects, OpenAiFillInTheMiddle.RejectsSuffix(reply));
    }

    private static ModelRequest Fim(string model) => new(model)
    {
        Prompt = Prefix,
        Suffix = Suffix,
        Options = new GenerationOptions { Stop = ["\n\n\n"] },
    };

    private static string Text(List<ModelChunk> chunks) => string.Concat(chunks.Select(c => c.Text));

    private static Task<List<ModelChunk>> CollectAsync(IModelProvider provider, ModelRequest request) => OpenAiProviderTests.CollectAsync(provider, request);

    private static OpenAiProvider Provider(EmulatedHost host, string apiRoot, FillInTheMiddleModeBook book) =>
        new("server", new Uri(host.Emulator.BaseAddress, apiRoot.TrimStart('/')), ApiKeySource.None, host.Http, null, book);

    private static Task<EmulatedHost> StartAsync(EmulatorFlavour flavour, string? ownedBy = null, string[]? models = null) =>
        EmulatedHost.StartAsync(new EmulatorOptions
        {
            TimeScale = 0,
            Flavour = flavour,
            OwnedBy = ownedBy,
            Models = (models ?? ["qwen2.5-coder:14b"]).Select(m => new ModelProfile { Name = m, Capabilities = ["completion", "insert"] }).ToList(),
        });
}

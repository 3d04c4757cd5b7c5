using Router.Backends.Endpoints;
using Router.Backends.FillInTheMiddle;
using Router.Core.Configuration;
using Router.Core.FillInTheMiddle;
using Router.Emulator;
using Router.Runtime.Configuration;
using Router.Protocol.Lsp;

namespace Router.Lsp.Tests.Completion;

/// <summary>Inline completion through the language server against each server users run, emulated over real HTTP on
/// 127.0.0.1: the router finds the fill-in-the-middle mode that server takes, and the editor gets clean code.</summary>
public sealed class ServerFlavourCompletionTests
{
    private const string Document = "public int Add(int a, int b)\n{\n    return \n}\n";
    private const string Prefix = "public int Add(int a, int b)\n{\n    return ";
    private const string Suffix = "\n}\n";

    /// <summary>Flavour, model as that server names it, the API root to configure, the path the completion must use, and
    /// whether the suffix travels as its own field (false: inside the family's template, or in /infill's input_suffix).</summary>
    public static TheoryData<EmulatorFlavour, string, string, string, bool> Flavours => new()
    {
        { EmulatorFlavour.Ollama, "qwen2.5-coder:14b", "", "/api/generate", true },
        { EmulatorFlavour.Vllm, "Qwen/Qwen2.5-Coder-7B", "/v1", "/v1/completions", false },
        { EmulatorFlavour.LlamaCpp, "qwen2.5-coder-7b-q4_k_m", "/v1", "/infill", true },
        { EmulatorFlavour.SgLang, "Qwen/Qwen2.5-Coder-7B", "/v1", "/v1/completions", false },
        { EmulatorFlavour.LmStudio, "qwen2.5-coder-7b-instruct", "/v1", "/v1/completions", false },
        { EmulatorFlavour.DeepSeek, "deepseek-chat", "/beta", "/beta/completions", true },
        { EmulatorFlavour.Codestral, "codestral-latest", "/v1", "/v1/fim/completions", true },
    };

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Inline_completion_works_against_each_server_in_the_mode_it_takes(
        EmulatorFlavour flavour, string model, string apiRoot, string path, bool suffixApart)
    {
        await using EmulatorServer emulator = await StartAsync(flavour, model);
        using ModelProviderPool providers = new(modes: new FillInTheMiddleModeBook());
        await using LspHarness lsp = await LspHarness.StartAsync(config: Config(flavour, emulator, model, apiRoot), providers: providers);
        await lsp.OpenAsync(Document);

        string? completion = await lsp.InlineAsync(2, 11);

        Assert.False(string.IsNullOrWhiteSpace(completion), $"{flavour}: no completion");
        AssertClean(completion!);
        EmulatorRequestRecord asked = Assert.Single(emulator.Requests, r => r.Model == model && r.Endpoint != "/v1/models");
        Assert.Equal(path, asked.Endpoint);
        if (suffixApart)
        {
            Assert.Equal(Suffix, asked.Suffix);
            Assert.EndsWith(Prefix, asked.Prompt, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(asked.Suffix);
            Assert.Equal(FillInTheMiddleTemplates.ForModel(model)!.Render(Prefix, Suffix), asked.Prompt);
        }
    }

    [Fact]
    public async Task A_server_behind_a_proxy_that_rejects_suffix_still_completes_on_the_first_request()
    {
        // A proxy hides the server's name, so only the 400 says that vLLM takes no suffix.
        await using EmulatorServer emulator = await StartAsync(EmulatorFlavour.Vllm, "Qwen/Qwen2.5-Coder-7B", ownedBy: "openai");
        using ModelProviderPool providers = new(modes: new FillInTheMiddleModeBook());
        await using LspHarness lsp = await LspHarness.StartAsync(config: Config(EmulatorFlavour.Vllm, emulator, "Qwen/Qwen2.5-Coder-7B", "/v1"), providers: providers);
        await lsp.OpenAsync(Document);

        await lsp.OpenAsync("public int Times(int a, int b)\n{\n    return \n}\n", "file:///work/Times.cs");

        string? first = await lsp.InlineAsync(2, 11);
        string? second = await lsp.InlineAsync(2, 11, "file:///work/Times.cs");

        Assert.False(string.IsNullOrWhiteSpace(first));
        Assert.False(string.IsNullOrWhiteSpace(second));
        AssertClean(first!);
        AssertClean(second!);
        List<EmulatorRequestRecord> completions = emulator.Requests.Where(r => r.Endpoint == "/v1/completions").ToList();
        Assert.Equal(3, completions.Count);
        Assert.Single(completions, r => r.Suffix is not null);
        Assert.Equal(EmulatorRequestOutcome.Failed, completions[0].Outcome);
    }

    [Fact]
    public async Task Other_open_files_reach_llama_cpp_apart_from_the_prefix()
    {
        await using EmulatorServer emulator = await StartAsync(EmulatorFlavour.LlamaCpp, "qwen2.5-coder-7b-q4_k_m");
        using ModelProviderPool providers = new(modes: new FillInTheMiddleModeBook());
        await using LspHarness lsp = await LspHarness.StartAsync(config: Config(EmulatorFlavour.LlamaCpp, emulator, "qwen2.5-coder-7b-q4_k_m", "/v1"), providers: providers);
        await lsp.OpenAsync("namespace Shapes;\n\npublic sealed record Circle(double Radius);\n", "file:///work/Circle.cs");
        await lsp.OpenAsync(Document);

        string? completion = await lsp.InlineAsync(2, 11);

        Assert.False(string.IsNullOrWhiteSpace(completion));
        EmulatorRequestRecord infill = Assert.Single(emulator.Requests, r => r.Endpoint == "/infill");

        // The prefix is the document's own text: the other file went to input_extra, not into comments before it.
        Assert.Equal(Prefix, infill.Prompt);
    }

    [Fact]
    public async Task A_model_that_cannot_fill_in_the_middle_there_still_completes_and_the_log_says_why()
    {
        const string model = "meta-llama/Llama-3.1-8B";
        await using EmulatorServer emulator = await StartAsync(EmulatorFlavour.Vllm, model);
        FillInTheMiddleModeBook modes = new();
        using ModelProviderPool providers = new(modes: modes);
        await using LspHarness lsp = await LspHarness.StartAsync(
            options: new LspServerOptions { FillInTheMiddleModes = modes }, config: Config(EmulatorFlavour.Vllm, emulator, model, "/v1"), providers: providers);
        await lsp.OpenAsync(Document);

        string? completion = await lsp.InlineAsync(2, 11);

        Assert.NotNull(completion);
        EmulatorRequestRecord asked = Assert.Single(emulator.Requests, r => r.Endpoint == "/v1/completions");
        Assert.Null(asked.Suffix);
        Assert.Equal(Prefix, asked.Prompt);
        LogMessageParams log;
        do
        {
            log = await lsp.NextLogAsync();
        }
        while (!log.Message.Contains(model, StringComparison.Ordinal));

        Assert.Equal(MessageType.Warning, log.Type);
        Assert.Contains("only continue the text before the cursor", log.Message, StringComparison.Ordinal);
    }

    private static void AssertClean(string completion)
    {
        Assert.DoesNotContain(FillInTheMiddleTemplates.AllMarkup, completion.Contains);
        Assert.DoesNotContain("# next file", completion, StringComparison.Ordinal);
        Assert.False(completion.TrimEnd().EndsWith('}'), $"the completion repeats the text after the cursor: {completion}");
    }

    private static Task<EmulatorServer> StartAsync(EmulatorFlavour flavour, string model, string? ownedBy = null) =>
        EmulatorServer.StartAsync(
            new EmulatorOptions
            {
                TimeScale = 0,
                Flavour = flavour,
                OwnedBy = ownedBy,
                Models = [new ModelProfile { Name = model, Capabilities = ["completion", "insert"] }],
            },
            CancellationToken.None);

    private static RouterConfigSource Config(EmulatorFlavour flavour, EmulatorServer emulator, string model, string apiRoot)
    {
        string provider = flavour == EmulatorFlavour.Ollama ? "ollama" : "openai";
        string url = emulator.BaseAddress.ToString().TrimEnd('/') + apiRoot;
        string yaml = $$"""
            endpoints:
              server:
                provider: {{provider}}
                url: {{url}}
            tiers:
              quick: { model: "{{model}}", endpoints: [server], contextTokens: 8192 }
              code: { model: "{{model}}", endpoints: [server], contextTokens: 16384 }
              heavy: { model: "{{model}}", endpoints: [server], contextTokens: 32768 }
            """;
        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, "router.yaml", _ => null);
        return RouterConfigSource.Fixed(loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors)));
    }
}

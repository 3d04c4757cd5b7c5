using Microsoft.AspNetCore.Http;
using Router.Emulator.Generation;
using Router.Emulator.Wire;

namespace Router.Emulator;

/// <summary>The servers other than Ollama (<see cref="EmulatorFlavour"/>): how each names itself, the routes only it has
/// (llama.cpp's /infill and /props, Mistral's /v1/fim/completions, DeepSeek's /beta), and how it answers a <c>suffix</c>.</summary>
internal sealed partial class OllamaApi
{
    /// <summary>The <c>owned_by</c> each server writes in GET /v1/models (its source's default).</summary>
    private string OwnedBy => options.OwnedBy ?? options.Flavour switch
    {
        EmulatorFlavour.Vllm => "vllm",
        EmulatorFlavour.LlamaCpp => "llamacpp",
        EmulatorFlavour.SgLang => "sglang",
        EmulatorFlavour.LmStudio => "organization_owner",
        EmulatorFlavour.DeepSeek => "deepseek",
        EmulatorFlavour.Codestral => "mistralai",
        _ => "emulator",
    };

    /// <summary>Answers what only this flavour has, or refuses what it lacks; false leaves the request to the shared routes.</summary>
    private async Task<bool> AnswerFlavourAsync(HttpContext http, RequestLogEntry entry, string path, CancellationToken cancellationToken)
    {
        var flavour = options.Flavour;
        if (flavour == EmulatorFlavour.Ollama)
        {
            return false;
        }

        if (options.OwnedBy is not null)
        {
            // Behind a proxy: the server's own header does not reach the client.
        }
        else if (flavour == EmulatorFlavour.LlamaCpp)
        {
            http.Response.Headers.Server = "llama.cpp";
        }
        else if (flavour is EmulatorFlavour.Vllm or EmulatorFlavour.SgLang)
        {
            http.Response.Headers.Server = "uvicorn";
        }

        switch (http.Request.Method, path, flavour)
        {
            case ("GET", "/props", EmulatorFlavour.LlamaCpp):
                var model = catalog.Models[0];
                var props = new LlamaPropsBody(new LlamaGenerationSettingsBody(model.ContextLength, -1, 0.8), 1, $"/models/{model.Name}.gguf", "b6000-emulated");
                await WriteJsonAsync(http, entry, 200, props, CloudJsonContext.Default.LlamaPropsBody, cancellationToken);
                return true;
            case ("POST", "/infill", EmulatorFlavour.LlamaCpp):
                await InfillAsync(http, entry, cancellationToken);
                return true;
            case ("POST", "/v1/fim/completions", EmulatorFlavour.Codestral):
                await FimCompletionAsync(http, entry, cancellationToken);
                return true;
            case ("POST", "/beta/completions", EmulatorFlavour.DeepSeek):
                await OpenAiCompletionAsync(http, entry, cancellationToken);
                return true;
            case ("GET", "/beta/models" or "/models", EmulatorFlavour.DeepSeek):
                await OpenAiModelsAsync(http, entry, cancellationToken);
                return true;
            case ("POST", "/v1/completions", EmulatorFlavour.Codestral or EmulatorFlavour.DeepSeek):
            case (_, _, _) when path == "/" || path.StartsWith("/api/", StringComparison.Ordinal):
                await NotFoundAsync(http, entry, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    /// <summary>How this flavour answers <c>suffix</c> on /v1/completions: an error written (true), or go on (false) with
    /// <paramref name="ignored"/> set when the server drops the suffix without a word.</summary>
    private async Task<(bool Refused, bool Ignored)> RefuseSuffixAsync(HttpContext http, RequestLogEntry entry, string? suffix, CancellationToken cancellationToken)
    {
        if (suffix is null)
        {
            return (false, false);
        }

        switch (options.Flavour)
        {
            case EmulatorFlavour.Vllm:
                var vllm = new VllmErrorBody("error", "suffix is not currently supported", "BadRequestError", null, 400);
                await WriteJsonAsync(http, entry, 400, vllm, CloudJsonContext.Default.VllmErrorBody, cancellationToken);
                return (true, false);
            case EmulatorFlavour.LlamaCpp:
                // The OpenAI path throws a plain runtime_error, which the server answers as a 500.
                var llama = new LlamaErrorBody(new LlamaErrorDetailBody(500, "Unsupported param: suffix", "server_error"));
                await WriteJsonAsync(http, entry, 500, llama, CloudJsonContext.Default.LlamaErrorBody, cancellationToken);
                return (true, false);
            case EmulatorFlavour.SgLang or EmulatorFlavour.LmStudio:
                return (false, true);
            default:
                return (false, false);
        }
    }

    /// <summary>A raw FIM prompt filled in as the model would, running on past its middle with the markup its family is apt to
    /// write next, so only a request that stops there gets a clean answer.</summary>
    private static string? FillRawPrompt(string prompt) =>
        FimPrompt.TryParse(prompt, out var prefix, out var suffix, out var runOn)
            ? CodeContinuation.Continue(prefix, suffix) + runOn + "\n# next file\n"
            : null;

    private async Task InfillAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        var body = await ReadCloudAsync(http, entry, CloudShape.OpenAi, CloudJsonContext.Default.LlamaInfillRequestBody, cancellationToken);
        if (body is null)
        {
            return;
        }

        var model = catalog.Models[0];
        var stream = body.Stream ?? false;
        var prefix = (body.InputPrefix ?? "") + (body.Prompt ?? "");
        var suffix = body.InputSuffix ?? "";
        var extra = string.Concat((body.InputExtra ?? []).Select(e => (e.Filename ?? "") + "\n" + (e.Text ?? "")));
        log.Describe(entry, model.Name, prefix, suffix, stream);
        var fault = faults.For(model.Name);
        if (!model.SupportsInsert)
        {
            var error = new LlamaErrorBody(new LlamaErrorDetailBody(501, "Infill is not supported by this model: prefix token is missing. ", "not_supported_error"));
            await WriteJsonAsync(http, entry, 501, error, CloudJsonContext.Default.LlamaErrorBody, cancellationToken);
            return;
        }

        var text = fault.Reply ?? CodeContinuation.Continue(prefix, suffix);
        var limits = new RequestOptionsBody { NumPredict = body.NPredict, Stop = WireText.List(body.Stop) };
        var plan = GenerationPlan.Create(text, limits, Tokenizer.Count(extra) + Tokenizer.Count(prefix) + Tokenizer.Count(suffix), model.ContextLength);
        await AnswerAsync(
            http,
            entry,
            new PlannedAnswer(model, plan, stream, options.DefaultKeepAlive, fault),
            piece => InfillEvent(new LlamaInfillChunkBody { Content = piece }),
            (full, timings) =>
            {
                var last = new LlamaInfillChunkBody
                {
                    Content = stream ? "" : full,
                    Stop = true,
                    StopType = plan.DoneReason == "length" ? "limit" : "eos",
                    TokensPredicted = timings.EvalCount,
                    TokensEvaluated = timings.PromptEvalCount,
                };
                return stream ? InfillEvent(last) : Serialize(last, CloudJsonContext.Default.LlamaInfillChunkBody);
            },
            cancellationToken,
            EventStream);
    }

    private async Task FimCompletionAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        if (await ReadCompletionRequestAsync(http, entry, cancellationToken) is not { } body)
        {
            return;
        }

        var stream = body.Stream ?? false;
        var prompt = PromptOf(body);
        var suffix = body.Suffix ?? "";
        if (body.StreamOptions is not null)
        {
            // Mistral's request models forbid fields they do not declare.
            var refused = new MistralErrorBody(
                "error",
                new MistralErrorMessageBody([new MistralErrorDetailBody("extra_forbidden", ["body", "stream_options"], "Extra inputs are not permitted")]),
                "invalid_request_error",
                null,
                null);
            await WriteJsonAsync(http, entry, 422, refused, CloudJsonContext.Default.MistralErrorBody, cancellationToken);
            return;
        }

        var admission = await AdmitCloudAsync(http, entry, CloudShape.OpenAi, body.Model, cancellationToken);
        if (admission is not var (profile, fault))
        {
            return;
        }

        var text = fault.Reply ?? CodeContinuation.Continue(prompt, suffix);
        var limits = new RequestOptionsBody { NumPredict = body.MaxTokens, Stop = WireText.List(body.Stop) };
        var plan = GenerationPlan.Create(text, limits, Tokenizer.Count(prompt) + Tokenizer.Count(suffix), profile.ContextLength);
        var id = "fim-emu" + entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = options.Clock.GetUtcNow().ToUnixTimeSeconds();
        var model = body.Model!;
        await AnswerAsync(
            http,
            entry,
            new PlannedAnswer(profile, plan, stream, options.DefaultKeepAlive, fault),
            piece => OpenAiEvent(new OpenAiCompletionBody
            {
                Id = id, Object = "chat.completion.chunk", Created = created, Model = model, Choices = [new OpenAiChoiceBody { Delta = new OpenAiDeltaBody { Content = piece } }],
            }),
            (full, timings) =>
            {
                var usage = new OpenAiUsageBody(timings.PromptEvalCount, timings.EvalCount, timings.PromptEvalCount + timings.EvalCount);
                var reason = OpenAiFinishReason(plan.DoneReason);
                if (!stream)
                {
                    return Serialize(
                        new OpenAiCompletionBody
                        {
                            Id = id, Object = "chat.completion", Created = created, Model = model, Usage = usage,
                            Choices = [new OpenAiChoiceBody { Message = new OpenAiDeltaBody { Role = "assistant", Content = full }, FinishReason = reason }],
                        },
                        CloudJsonContext.Default.OpenAiCompletionBody);
                }

                // Mistral's last chunk carries the finish reason and the usage together.
                var last = new OpenAiCompletionBody
                {
                    Id = id, Object = "chat.completion.chunk", Created = created, Model = model, Usage = usage,
                    Choices = [new OpenAiChoiceBody { Delta = new OpenAiDeltaBody { Content = "" }, FinishReason = reason }],
                };
                return OpenAiFinalEvents(last, null);
            },
            cancellationToken,
            EventStream);
    }

    private Task NotFoundAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken) =>
        options.Flavour == EmulatorFlavour.LlamaCpp
            ? WriteJsonAsync(http, entry, 404, new LlamaErrorBody(new LlamaErrorDetailBody(404, "File Not Found", "not_found_error")), CloudJsonContext.Default.LlamaErrorBody, cancellationToken)
            : WriteJsonAsync(http, entry, 404, new FastApiErrorBody("Not Found"), CloudJsonContext.Default.FastApiErrorBody, cancellationToken);

    /// <summary>"data: {json}\n"; the streaming loop adds the blank line that ends the event.</summary>
    private static byte[] InfillEvent(LlamaInfillChunkBody chunk) =>
        [.. "data: "u8, .. Serialize(chunk, CloudJsonContext.Default.LlamaInfillChunkBody), .. "\n"u8];
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Router.Emulator.Generation;
using Router.Emulator.Wire;

namespace Router.Emulator;

/// <summary>Answers Ollama's HTTP API (and the emulator's /_emulator control endpoints) for one emulated host.</summary>
internal sealed partial class OllamaApi(
    EmulatorOptions options,
    ModelCatalog catalog,
    ModelResidency residency,
    RequestLog log,
    FaultBoard faults,
    MovableClock hostClock,
    CancellationToken stopping)
{
    public const string Version = "0.12.6";
    private const string NdJson = "application/x-ndjson";
    private const string Json = "application/json; charset=utf-8";
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith("/_emulator/", StringComparison.Ordinal))
        {
            await EmulatorControl.HandleAsync(http, path, log, faults, hostClock);
            return;
        }

        var entry = log.Start(path, options.Clock.GetUtcNow());
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var cancellationToken = linked.Token;
        try
        {
            var global = faults.For(null);
            if (global.HostDown)
            {
                Abort(http, entry);
                return;
            }

            if (global.Hang)
            {
                await HangAsync(cancellationToken);
            }

            if (global.ServerError && path.StartsWith("/api/", StringComparison.Ordinal))
            {
                await ServerErrorAsync(http, entry, cancellationToken);
                return;
            }

            if (await AnswerFlavourAsync(http, entry, path, cancellationToken))
            {
                return;
            }

            if (options.OllamaApiKey is { } key && path.StartsWith("/api/", StringComparison.Ordinal) && !HasBearer(http, key))
            {
                await ErrorAsync(http, entry, 401, "unauthorized", cancellationToken);
                return;
            }

            switch (http.Request.Method, path)
            {
                case ("GET" or "HEAD", "/"):
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync("Ollama is running", cancellationToken);
                    log.Finish(entry, EmulatorRequestOutcome.Completed);
                    break;
                case ("GET", "/api/version"):
                    await WriteJsonAsync(http, entry, 200, new VersionBody(Version), EmulatorJsonContext.Default.VersionBody, cancellationToken);
                    break;
                case ("GET", "/api/tags"):
                    await WriteJsonAsync(http, entry, 200, catalog.Tags(), EmulatorJsonContext.Default.TagsBody, cancellationToken);
                    break;
                case ("GET", "/api/ps"):
                    var running = new PsBody(residency.Snapshot().Select(ModelCatalog.Running).ToList());
                    await WriteJsonAsync(http, entry, 200, running, EmulatorJsonContext.Default.PsBody, cancellationToken);
                    break;
                case ("POST", "/api/show"):
                    await ShowAsync(http, entry, cancellationToken);
                    break;
                case ("POST", "/api/generate"):
                    await GenerateAsync(http, entry, cancellationToken);
                    break;
                case ("POST", "/api/chat"):
                    await ChatAsync(http, entry, cancellationToken);
                    break;
                case ("GET", "/v1/models"):
                    await OpenAiModelsAsync(http, entry, cancellationToken);
                    break;
                case ("POST", "/v1/chat/completions"):
                    await OpenAiChatAsync(http, entry, cancellationToken);
                    break;
                case ("POST", "/v1/completions"):
                    await OpenAiCompletionAsync(http, entry, cancellationToken);
                    break;
                case ("POST", "/v1/messages"):
                    await AnthropicMessagesAsync(http, entry, cancellationToken);
                    break;
                default:
                    http.Response.StatusCode = 404;
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync("404 page not found", cancellationToken);
                    log.Finish(entry, EmulatorRequestOutcome.Failed);
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            log.Finish(entry, EmulatorRequestOutcome.ClientClosed);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The emulator is shutting down: drop the connection as a dying host would.
            Abort(http, entry);
        }
        catch
        {
            // An emulator bug still ends the record, so tests waiting on it fail with the error rather than time out.
            log.Finish(entry, EmulatorRequestOutcome.Failed);
            throw;
        }
    }

    private async Task ShowAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(http, entry, EmulatorJsonContext.Default.ShowRequestBody, cancellationToken);
        if (body is null)
        {
            return;
        }

        var name = body.Model ?? body.Name;
        log.Describe(entry, name, null, null, stream: false);
        if (string.IsNullOrWhiteSpace(name))
        {
            await ErrorAsync(http, entry, 400, "model is required", cancellationToken);
            return;
        }

        var fault = faults.For(name);
        if (fault.HostDown)
        {
            Abort(http, entry);
            return;
        }

        if (fault.ServerError)
        {
            await ServerErrorAsync(http, entry, cancellationToken);
            return;
        }

        var profile = catalog.Find(name);
        if (profile is null || fault.ModelNotFound)
        {
            await ErrorAsync(http, entry, 404, $"model '{name}' not found", cancellationToken);
            return;
        }

        await WriteJsonAsync(http, entry, 200, ModelCatalog.Show(profile), EmulatorJsonContext.Default.ShowBody, cancellationToken);
    }

    private async Task GenerateAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(http, entry, EmulatorJsonContext.Default.GenerateRequestBody, cancellationToken);
        if (body is null)
        {
            return;
        }

        var stream = body.Stream ?? true;
        log.Describe(entry, body.Model, body.Prompt, body.Suffix, stream);
        log.DescribeLoad(entry, body.KeepAlive, body.Options?.NumCtx);
        var admission = await AdmitAsync(http, entry, body.Model, body.KeepAlive, chat: false, cancellationToken);
        if (admission is not var (profile, keepAlive, fault))
        {
            return;
        }

        var modelName = body.Model!;
        var prompt = body.Prompt ?? "";
        var suffix = body.Suffix ?? "";
        if (prompt.Length == 0 && suffix.Length == 0)
        {
            var reason = await LoadOrUnloadAsync(entry, profile, keepAlive, cancellationToken);
            var loaded = new GenerateChunkBody { Model = modelName, CreatedAt = Now(), Response = "", Done = true, DoneReason = reason };
            await WriteJsonAsync(http, entry, 200, loaded, EmulatorJsonContext.Default.GenerateChunkBody, cancellationToken);
            return;
        }

        if (suffix.Length > 0 && !profile.SupportsInsert)
        {
            await ErrorAsync(http, entry, 400, $"registry.ollama.ai/library/{profile.Name} does not support insert", cancellationToken);
            return;
        }

        var raw = body.Raw ?? false;
        string text;
        if (fault.Reply is { } reply)
        {
            text = reply;
        }
        else if (suffix.Length > 0)
        {
            text = CodeContinuation.Continue(prompt, suffix);
        }
        else if (raw && FimPrompt.TryParse(prompt, out var fimPrefix, out var fimSuffix))
        {
            text = CodeContinuation.Continue(fimPrefix, fimSuffix);
        }
        else
        {
            text = ProseWriter.Write(profile.Name, prompt, (body.System ?? "") + "\n" + prompt, Thinks(profile));
        }

        var promptTokens = Tokenizer.Count(body.System) + Tokenizer.Count(prompt) + Tokenizer.Count(suffix);
        var plan = GenerationPlan.Create(text, body.Options, promptTokens, profile.ContextLength);

        // Raw mode returns no context, as Ollama documents.
        var contextIds = raw ? null : ContextIds(prompt + suffix, plan.Text);
        await AnswerAsync(
            http,
            entry,
            new PlannedAnswer(profile, plan, stream, keepAlive, fault, (body.System ?? "") + prompt + "\u0000" + suffix),
            piece => Serialize(
                new GenerateChunkBody { Model = modelName, CreatedAt = Now(), Response = piece, Done = false },
                EmulatorJsonContext.Default.GenerateChunkBody),
            (full, timings) => Serialize(
                new GenerateChunkBody
                {
                    Model = modelName,
                    CreatedAt = Now(),
                    Response = full,
                    Done = true,
                    DoneReason = plan.DoneReason,
                    Context = contextIds,
                    TotalDuration = WireTime.Nanoseconds(timings.Total),
                    LoadDuration = WireTime.Nanoseconds(timings.Load),
                    PromptEvalCount = timings.PromptEvalCount,
                    PromptEvalDuration = WireTime.Nanoseconds(timings.PromptEval),
                    EvalCount = timings.EvalCount,
                    EvalDuration = WireTime.Nanoseconds(timings.Eval),
                },
                EmulatorJsonContext.Default.GenerateChunkBody),
            cancellationToken);
    }

    private async Task ChatAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(http, entry, EmulatorJsonContext.Default.ChatRequestBody, cancellationToken);
        if (body is null)
        {
            return;
        }

        var stream = body.Stream ?? true;
        var messages = body.Messages ?? [];
        var lastUser = messages.LastOrDefault(m => m.Role == "user")?.Content;
        var tools = ToolPlay.Tools(body.Tools);
        var images = messages.Sum(m => m.Images?.Count ?? 0);
        log.Describe(entry, body.Model, lastUser, null, stream);
        log.DescribeLoad(entry, body.KeepAlive, body.Options?.NumCtx);
        log.DescribeContent(entry, tools.Count, images);
        var admission = await AdmitAsync(http, entry, body.Model, body.KeepAlive, chat: true, cancellationToken);
        if (admission is not var (profile, keepAlive, fault))
        {
            return;
        }

        if (Unsupported(profile, tools.Count, images) is { } missing)
        {
            await ErrorAsync(http, entry, 400, $"registry.ollama.ai/library/{profile.Name} does not support {missing}", cancellationToken);
            return;
        }

        var modelName = body.Model!;
        if (messages.Count == 0)
        {
            var reason = await LoadOrUnloadAsync(entry, profile, keepAlive, cancellationToken);
            var loaded = new ChatChunkBody { Model = modelName, CreatedAt = Now(), Message = new("assistant", ""), Done = true, DoneReason = reason };
            await WriteJsonAsync(http, entry, 200, loaded, EmulatorJsonContext.Default.ChatChunkBody, cancellationToken);
            return;
        }

        var conversation = string.Join("\n", messages.Select(m => m.Role + ": " + m.Content));
        var call = fault.Reply is null ? ToolPlay.Call(tools, messages[^1].Role, lastUser ?? "") : null;
        var text = fault.Reply
            ?? (call is not null ? ""
            : messages[^1].Role == "tool" ? ToolPlay.AnswerTo(messages[^1].Content)
            : ProseWriter.Write(profile.Name, lastUser ?? conversation, conversation, Thinks(profile)));
        IReadOnlyList<OllamaToolCallBody>? calls = call is var (name, arguments) ? [new OllamaToolCallBody(new OllamaFunctionCallBody(name, arguments))] : null;

        // Chat templates add a few tokens per message around the content.
        var promptTokens = messages.Sum(m => Tokenizer.Count(m.Content) + 4);
        var plan = GenerationPlan.Create(text, body.Options, promptTokens, profile.ContextLength);
        await AnswerAsync(
            http,
            entry,
            new PlannedAnswer(profile, plan, stream, keepAlive, fault, conversation),
            piece => Serialize(
                new ChatChunkBody { Model = modelName, CreatedAt = Now(), Message = new("assistant", piece), Done = false },
                EmulatorJsonContext.Default.ChatChunkBody),
            (full, timings) => Serialize(
                new ChatChunkBody
                {
                    Model = modelName,
                    CreatedAt = Now(),
                    Message = new("assistant", full) { ToolCalls = calls },
                    Done = true,
                    DoneReason = plan.DoneReason,
                    TotalDuration = WireTime.Nanoseconds(timings.Total),
                    LoadDuration = WireTime.Nanoseconds(timings.Load),
                    PromptEvalCount = timings.PromptEvalCount,
                    PromptEvalDuration = WireTime.Nanoseconds(timings.PromptEval),
                    EvalCount = timings.EvalCount,
                    EvalDuration = WireTime.Nanoseconds(timings.Eval),
                },
                EmulatorJsonContext.Default.ChatChunkBody),
            cancellationToken);
    }

    /// <summary>Applies the model checks and fault switches every generation shares; null when an error was answered.
    /// The messages are Ollama's own (server/routes.go): a missing model is a 404 "model 'x' not found", and a request that
    /// names no model is a 400 "model is required" on /api/chat but that same 404 on /api/generate.</summary>
    private async Task<(ModelProfile Profile, TimeSpan KeepAlive, EmulatorFaultSet Fault)?> AdmitAsync(
        HttpContext http, RequestLogEntry entry, string? model, JsonElement? keepAliveValue, bool chat, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            await (chat
                ? ErrorAsync(http, entry, 400, "model is required", cancellationToken)
                : ErrorAsync(http, entry, 404, $"model '{model}' not found", cancellationToken));
            return null;
        }

        var fault = faults.For(model);
        if (fault.HostDown)
        {
            Abort(http, entry);
            return null;
        }

        if (fault.Hang)
        {
            await HangAsync(cancellationToken);
        }

        if (fault.ErrorStatus is { } status)
        {
            await ErrorReplyAsync(http, entry, status, fault, cancellationToken);
            return null;
        }

        if (fault.ServerError)
        {
            await ServerErrorAsync(http, entry, cancellationToken);
            return null;
        }

        var profile = catalog.Find(model);
        if (profile is null || fault.ModelNotFound)
        {
            await ErrorAsync(http, entry, 404, $"model '{model}' not found", cancellationToken);
            return null;
        }

        if (!KeepAliveParser.TryParse(keepAliveValue, options.DefaultKeepAlive, out var keepAlive, out var error))
        {
            await ErrorAsync(http, entry, 400, error!, cancellationToken);
            return null;
        }

        return (profile, keepAlive, fault);
    }

    /// <summary>An empty prompt loads the model, or with keep_alive 0 unloads it; answers Ollama's done_reason.</summary>
    private async Task<string> LoadOrUnloadAsync(RequestLogEntry entry, ModelProfile profile, TimeSpan keepAlive, CancellationToken cancellationToken)
    {
        if (keepAlive == TimeSpan.Zero)
        {
            residency.Unload(profile.Name);
            return "unload";
        }

        var lease = await residency.AcquireAsync(profile, keepAlive, cancellationToken);
        try
        {
            await LoadAsync(entry, lease, cancellationToken);
        }
        finally
        {
            residency.Release(lease);
        }

        return "load";
    }

    private async Task AnswerAsync(
        HttpContext http,
        RequestLogEntry entry,
        PlannedAnswer answer,
        Func<string, byte[]> chunk,
        Func<string, AnswerTimings, byte[]> final,
        CancellationToken cancellationToken,
        string streamContentType = NdJson)
    {
        var (profile, plan, stream, keepAlive, fault, prompt) = answer;
        var lease = await residency.AcquireAsync(profile, keepAlive, cancellationToken);
        try
        {
            await LoadAsync(entry, lease, cancellationToken);

            // Past OLLAMA_NUM_PARALLEL requests on this model, the rest queue for a slot.
            await ModelResidency.WaitForSlotAsync(lease, cancellationToken);
            var cold = lease.Cold;
            var load = cold ? profile.ColdLoad : TimeSpan.FromMilliseconds(Math.Min(15, profile.ColdLoad.TotalMilliseconds));
            var promptEvalCount = PromptTokensToEvaluate(lease.Model, plan.PromptTokens, prompt);
            var promptEval = profile.TimeToFirstToken * ((double)promptEvalCount / Math.Max(1, plan.PromptTokens));
            var perToken = TimeSpan.FromSeconds(1 / profile.TokensPerSecond);
            var eval = perToken * plan.Tokens.Count;
            var timings = new AnswerTimings(
                load + promptEval + eval + TimeSpan.FromMilliseconds(2), load, promptEvalCount, promptEval, plan.Tokens.Count, eval);

            if (!stream)
            {
                await DelayAsync(promptEval + eval, cancellationToken);
                await HoldIfStalledAsync(fault, 0, cancellationToken);
                var whole = final(plan.Text, timings);
                http.Response.StatusCode = 200;
                http.Response.ContentType = Json;
                if (fault.CutAfterChunks is not null)
                {
                    // Half a body, then the end: a host that died while writing.
                    await http.Response.Body.WriteAsync(whole.AsMemory(0, whole.Length / 2), cancellationToken);
                    log.Finish(entry, EmulatorRequestOutcome.Aborted);
                    return;
                }

                await http.Response.Body.WriteAsync(whole, cancellationToken);
                log.CountChunk(entry);
                log.Finish(entry, EmulatorRequestOutcome.Completed);
                return;
            }

            http.Response.StatusCode = 200;
            http.Response.ContentType = streamContentType;
            await http.Response.StartAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i <= plan.Tokens.Count; i++)
            {
                await HoldIfStalledAsync(fault, i, cancellationToken);
                if (fault.CutAfterChunks == i)
                {
                    // End the body cleanly but without the done line. A TCP reset here would race the client's
                    // reading of the chunks already sent and make the fault nondeterministic.
                    log.Finish(entry, EmulatorRequestOutcome.Aborted);
                    return;
                }

                await DelayUntilAsync(clock, promptEval + (perToken * i), cancellationToken);
                var line = i < plan.Tokens.Count ? chunk(plan.Tokens[i]) : final("", timings);
                await http.Response.Body.WriteAsync(line, cancellationToken);
                await http.Response.Body.WriteAsync(NewLine, cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);

                // Kestrel may accept writes after the client left; the abort token is the reliable signal.
                cancellationToken.ThrowIfCancellationRequested();
                log.CountChunk(entry);
            }

            log.Finish(entry, EmulatorRequestOutcome.Completed);
        }
        finally
        {
            residency.Release(lease);
        }
    }

    /// <summary>With <see cref="EmulatorOptions.PromptCache"/>, the prompt's tokens past the beginning it shares with the
    /// model's previous prompt (at least one, as Ollama always evaluates one); otherwise all of them.</summary>
    private int PromptTokensToEvaluate(ResidentModel model, int promptTokens, string? prompt)
    {
        if (!options.PromptCache || prompt is null)
        {
            return promptTokens;
        }

        string? previous;
        lock (model)
        {
            previous = model.CachedPrompt;
            model.CachedPrompt = prompt;
        }

        var shared = previous is null ? 0 : prompt.AsSpan().CommonPrefixLength(previous);
        return Math.Clamp(promptTokens - Tokenizer.Count(prompt[..shared]), 1, promptTokens);
    }

    /// <summary>Performs the load for a cold lease; otherwise waits for the request that is loading the model, as Ollama does.</summary>
    private async Task LoadAsync(RequestLogEntry entry, ModelLease lease, CancellationToken cancellationToken)
    {
        if (lease.Cold)
        {
            log.NoteColdLoad(entry, lease.Model.Profile.ColdLoad);
            await DelayAsync(lease.Model.Profile.ColdLoad, cancellationToken);
            ModelResidency.MarkLoaded(lease);
        }
        else
        {
            await lease.Loaded.WaitAsync(cancellationToken);
        }
    }

    private static async Task HoldIfStalledAsync(EmulatorFaultSet fault, int chunkIndex, CancellationToken cancellationToken)
    {
        if (fault.StallAfterChunks == chunkIndex)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private Task DelayAsync(TimeSpan nominal, CancellationToken cancellationToken) =>
        options.TimeScale == 0 || nominal <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(nominal * options.TimeScale, cancellationToken);

    private Task DelayUntilAsync(Stopwatch clock, TimeSpan nominalDue, CancellationToken cancellationToken)
    {
        if (options.TimeScale == 0)
        {
            return Task.CompletedTask;
        }

        var wait = (nominalDue * options.TimeScale) - clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    private async Task<T?> ReadAsync<T>(HttpContext http, RequestLogEntry entry, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (http.Request.ContentLength == 0)
        {
            // Go's decoder meets io.EOF; Ollama answers this.
            await ErrorAsync(http, entry, 400, "missing request body", cancellationToken);
            return null;
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync(http.Request.Body, typeInfo, cancellationToken);
            if (body is null)
            {
                await ErrorAsync(http, entry, 400, "missing request body", cancellationToken);
            }

            return body;
        }
        catch (JsonException e)
        {
            await ErrorAsync(http, entry, 400, e.Message, cancellationToken);
            return null;
        }
    }

    /// <summary>Holds the request, sending nothing, until the client goes away or the emulator stops.</summary>
    private static Task HangAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    /// <summary>The fault's status and body, byte for byte, whatever their shape.</summary>
    private async Task ErrorReplyAsync(HttpContext http, RequestLogEntry entry, int status, EmulatorFaultSet fault, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = fault.ErrorContentType ?? Json;
        await http.Response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(fault.ErrorBody ?? ""), cancellationToken);
        log.Finish(entry, EmulatorRequestOutcome.Failed);
    }

    private Task ServerErrorAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken) =>
        ErrorAsync(http, entry, 500, "llama runner process has terminated: exit status 2", cancellationToken);

    private Task ErrorAsync(HttpContext http, RequestLogEntry entry, int status, string message, CancellationToken cancellationToken) =>
        WriteJsonAsync(http, entry, status, new ErrorBody(message), EmulatorJsonContext.Default.ErrorBody, cancellationToken);

    private async Task WriteJsonAsync<T>(
        HttpContext http, RequestLogEntry entry, int status, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = Json;
        await http.Response.Body.WriteAsync(Serialize(value, typeInfo), cancellationToken);
        log.Finish(entry, status < 400 ? EmulatorRequestOutcome.Completed : EmulatorRequestOutcome.Failed);
    }

    private void Abort(HttpContext http, RequestLogEntry entry)
    {
        log.Finish(entry, EmulatorRequestOutcome.Aborted);
        http.Abort();
    }

    private string Now() => WireTime.Format(options.Clock.GetUtcNow());

    /// <summary>The capability a request needs and the model lacks ("tools", "images"), or null.</summary>
    private static string? Unsupported(ModelProfile profile, int tools, int images) =>
        tools > 0 && !profile.Capabilities.Contains("tools", StringComparer.Ordinal) ? "tools"
        : images > 0 && !profile.Capabilities.Contains("vision", StringComparer.Ordinal) ? "images"
        : null;

    private static bool Thinks(ModelProfile profile) => profile.Capabilities.Contains("thinking", StringComparer.Ordinal);

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    /// <summary>Stand-in token ids for the conversation, as the deprecated "context" field carries them.</summary>
    private static int[] ContextIds(string prompt, string response) =>
        Tokenizer.Split(prompt).Concat(Tokenizer.Split(response))
            .Select(token => (int)(StableHash.Of(token) % 151_000))
            .ToArray();
}

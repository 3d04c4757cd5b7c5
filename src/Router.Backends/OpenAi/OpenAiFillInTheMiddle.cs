using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Router.Backends.FillInTheMiddle;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.FillInTheMiddle;

namespace Router.Backends.OpenAi;

/// <summary>Fill-in-the-middle on an OpenAI-compatible server in the mode it takes (<see cref="FillInTheMiddleMode"/>): the mode
/// router.yaml sets, else the one the server's own description implies, else <c>suffix</c>. A server that rejects
/// <c>suffix</c> costs one immediate retry in the model family's template, once per endpoint and model: the book remembers.</summary>
/// <param name="shared">The plain shared client, for asking the server what it is (a 404 there is an answer, not an error).</param>
/// <param name="http">The client whose non-success replies throw <see cref="HttpErrorReplyException"/>, for completions.</param>
internal sealed class OpenAiFillInTheMiddle(
    Uri baseAddress, ApiKeySource key, HttpClient shared, HttpClient http, FillInTheMiddleMode? configured, FillInTheMiddleModeBook book)
{
    private readonly Lock _gate = new();
    private Task<(bool Answered, ServerIdentity? Identity)>? _identity;

    /// <summary>The mode this endpoint uses for <paramref name="model"/>, asking the server what it is the first time.</summary>
    public async Task<FillInTheMiddleChoice> ChooseAsync(string model, CancellationToken cancellationToken)
    {
        if (configured is null && book.Find(baseAddress, model) is { } known)
        {
            return known;
        }

        (bool answered, ServerIdentity? identity) = configured is null ? await IdentityAsync(cancellationToken) : (true, null);
        FillInTheMiddleChoice choice = FillInTheMiddleChooser.Choose(configured, identity, model);

        // A server that could not be asked (down, or too slow) is asked again next time rather than taken for unnamed.
        if (answered)
        {
            book.Remember(baseAddress, model, choice);
        }

        return choice;
    }

    public async IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stopwatch clock = Stopwatch.StartNew();
        (HttpResponseMessage response, FillInTheMiddleMode mode) = await OpenAsync(request, cancellationToken);
        using (response)
        {
            await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using StreamReader reader = new(stream, Encoding.UTF8);
            TimeSpan? firstToken = null;
            string? finishReason = null;
            ModelUsage? usage = null;
            bool done = false;
            while (!done && await ReadLineAsync(reader, request.Model, cancellationToken) is { } line)
            {
                if (!line.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                string data = line["data:".Length..].Trim();
                if (data == "[DONE]")
                {
                    done = true;
                    continue;
                }

                OpenAiCompletionChunk chunk = Parse(data, request.Model);
                if (chunk.Usage is { } reported)
                {
                    usage = OpenAiProvider.Usage(reported.PromptTokens, reported.CompletionTokens, clock.Elapsed, firstToken);
                }

                foreach (string text in Texts(chunk))
                {
                    firstToken ??= clock.Elapsed;
                    yield return new ModelChunk(text, false);
                }

                finishReason = chunk.Choices?.Select(c => c.FinishReason).LastOrDefault(r => r is not null) ?? finishReason;
                if (chunk.Stop == true)
                {
                    // llama.cpp's /infill ends with a chunk marked stop, and no [DONE].
                    done = true;
                    finishReason = chunk.StopType == "limit" ? "length" : "stop";
                    usage = OpenAiProvider.Usage(chunk.TokensEvaluated ?? 0, chunk.TokensPredicted ?? 0, clock.Elapsed, firstToken);
                }
            }

            if (!done && finishReason is null)
            {
                string what = mode == FillInTheMiddleMode.Infill ? "the /infill stream ended before its stop chunk" : "the completion stream ended without [DONE]";
                throw new ProviderException(ProviderErrorKind.StreamCut, baseAddress, request.Model, what);
            }

            yield return new ModelChunk("", true, usage, finishReason ?? "stop");
        }
    }

    /// <summary>Sends the request in the endpoint's mode; a rejected <c>suffix</c> switches the model to its template and
    /// sends again at once, before anything reached the caller.</summary>
    private async Task<(HttpResponseMessage Response, FillInTheMiddleMode Mode)> OpenAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        FillInTheMiddleChoice choice = await ChooseAsync(request.Model, cancellationToken);
        try
        {
            return (await SendAsync(choice.Mode, request, cancellationToken), choice.Mode);
        }
        catch (HttpErrorReplyException e) when (configured is null && choice.Mode == FillInTheMiddleMode.Suffix && RejectsSuffix(e.Reply))
        {
            FillInTheMiddleChoice after = FillInTheMiddleChooser.AfterRejection(request.Model, $"{e.Reply.Status}: {e.Reply.Excerpt}");
            book.Remember(baseAddress, request.Model, after);
            try
            {
                return (await SendAsync(after.Mode, request, cancellationToken), after.Mode);
            }
            catch (HttpErrorReplyException again)
            {
                throw ProviderException.FromReply(again.Reply, baseAddress, request.Model, key, again);
            }
        }
        catch (HttpErrorReplyException e)
        {
            throw ProviderException.FromReply(e.Reply, baseAddress, request.Model, key, e);
        }
    }

    /// <summary>vLLM answers 400 "suffix is not currently supported", a validating proxy 422 naming the field, llama.cpp's
    /// OpenAI path 500 "Unsupported param: suffix".</summary>
    internal static bool RejectsSuffix(HttpErrorReply reply) =>
        reply.Excerpt.Contains("suffix", StringComparison.OrdinalIgnoreCase)
        && (reply.Status is 400 or 422 || (reply.Status == 500 && reply.Excerpt.Contains("Unsupported param", StringComparison.OrdinalIgnoreCase)));

    private async Task<HttpResponseMessage> SendAsync(FillInTheMiddleMode mode, ModelRequest request, CancellationToken cancellationToken)
    {
        string apiRoot = baseAddress.AbsoluteUri.TrimEnd('/');
        FillInTheMiddleTemplate? template = FillInTheMiddleTemplates.ForModel(request.Model);
        if (mode == FillInTheMiddleMode.Template && template is null)
        {
            mode = FillInTheMiddleMode.None;
        }

        string prompt = request.Prompt ?? "";
        string suffix = request.Suffix ?? "";
        OpenAiCompletionRequest completion = new()
        {
            Model = request.Model,
            Prompt = prompt,
            MaxTokens = request.Options.MaxTokens,
            Temperature = request.Options.Temperature,
            Stop = Stops(request.Options.Stop, template),
            StreamOptions = new OpenAiStreamOptions(IncludeUsage: true),
        };
        using HttpRequestMessage message = mode switch
        {
            FillInTheMiddleMode.Template => Post(apiRoot + "/completions", completion with { Prompt = template!.Render(prompt, suffix) }, OpenAiJsonContext.Default.OpenAiCompletionRequest),
            FillInTheMiddleMode.None => Post(apiRoot + "/completions", completion, OpenAiJsonContext.Default.OpenAiCompletionRequest),
            FillInTheMiddleMode.Infill => Post(ServerIdentityProbe.ServerRoot(apiRoot) + "/infill", Infill(request, prompt, suffix, completion.Stop), OpenAiJsonContext.Default.LlamaInfillRequest),

            // Mistral validates strictly: stream_options is not one of its fields.
            FillInTheMiddleMode.FimEndpoint => Post(apiRoot + "/fim/completions", completion with { Suffix = suffix, StreamOptions = null }, OpenAiJsonContext.Default.OpenAiCompletionRequest),
            _ => Post(apiRoot + "/completions", completion with { Suffix = suffix }, OpenAiJsonContext.Default.OpenAiCompletionRequest),
        };
        try
        {
            return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, baseAddress, request.Model, $"cannot reach the host ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, baseAddress, request.Model, "the host did not answer in time", null, e);
        }
    }

    private static LlamaInfillRequest Infill(ModelRequest request, string prompt, string suffix, IReadOnlyList<string>? stop)
    {
        // The other files go to input_extra, where the server puts them in the model's own file markup, not as comments.
        QuotedFiles? quoted = request.OtherFiles;
        bool apart = quoted is not null && quoted.Text.Length > 0 && prompt.StartsWith(quoted.Text, StringComparison.Ordinal);
        return new LlamaInfillRequest
        {
            InputPrefix = apart ? prompt[quoted!.Text.Length..] : prompt,
            InputSuffix = suffix,
            InputExtra = apart ? quoted!.Files.Select(f => new LlamaInfillExtra(f.Name, f.Text)).ToList() : null,
            NPredict = request.Options.MaxTokens,
            Temperature = request.Options.Temperature,
            Stop = stop,
        };
    }

    /// <summary>The caller's stops and the family's end tokens, each once.</summary>
    private static List<string>? Stops(IReadOnlyList<string>? stops, FillInTheMiddleTemplate? template)
    {
        IEnumerable<string> all = (stops ?? []).Concat(template?.SpecialTokens ?? []);
        List<string> distinct = all.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : distinct;
    }

    private HttpRequestMessage Post<T>(string address, T body, JsonTypeInfo<T> typeInfo)
    {
        HttpRequestMessage message = new(HttpMethod.Post, new Uri(address))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        if (key.Key is { } value)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
        }

        return message;
    }

    /// <summary>One question per provider, shared by concurrent first requests; a server that could not be asked is asked
    /// again next time, and a caller's cancel never spoils the answer for the others.</summary>
    private async Task<(bool Answered, ServerIdentity? Identity)> IdentityAsync(CancellationToken cancellationToken)
    {
        Task<(bool Answered, ServerIdentity? Identity)> probe;
        lock (_gate)
        {
            probe = _identity ??= ServerIdentityProbe.AskAsync(shared, baseAddress, key, CancellationToken.None);
        }

        (bool Answered, ServerIdentity? Identity) answer = await probe.WaitAsync(cancellationToken);
        if (!answer.Answered)
        {
            lock (_gate)
            {
                if (_identity == probe)
                {
                    _identity = null;
                }
            }
        }

        return answer;
    }

    private static IEnumerable<string> Texts(OpenAiCompletionChunk chunk)
    {
        if (!string.IsNullOrEmpty(chunk.Content))
        {
            yield return chunk.Content;
        }

        foreach (OpenAiCompletionChoice choice in chunk.Choices ?? [])
        {
            if ((choice.Text ?? choice.Delta?.Content) is { Length: > 0 } text)
            {
                yield return text;
            }
        }
    }

    private async Task<string?> ReadLineAsync(StreamReader reader, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.StreamCut, baseAddress, model, $"the completion stream broke ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
    }

    private OpenAiCompletionChunk Parse(string data, string model)
    {
        try
        {
            return JsonSerializer.Deserialize(data, OpenAiJsonContext.Default.OpenAiCompletionChunk)
                ?? throw new ProviderException(ProviderErrorKind.BadResponse, baseAddress, model, "a completion chunk was null");
        }
        catch (JsonException e)
        {
            throw new ProviderException(ProviderErrorKind.BadResponse, baseAddress, model, $"a completion chunk is not JSON ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
    }
}

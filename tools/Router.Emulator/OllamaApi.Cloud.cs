using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Router.Emulator.Generation;
using Router.Emulator.Wire;

namespace Router.Emulator;

/// <summary>The OpenAI-compatible (/v1/chat/completions, /v1/completions, /v1/models) and Anthropic (/v1/messages) shapes,
/// answered with the same generation, timing, faults and request log as the Ollama API.</summary>
internal sealed partial class OllamaApi
{
    private const string EventStream = "text/event-stream; charset=utf-8";

    private enum CloudShape
    {
        OpenAi,
        Anthropic,
    }

    private async Task OpenAiModelsAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        if (!await AuthorizedAsync(http, entry, CloudShape.OpenAi, cancellationToken))
        {
            return;
        }

        var created = options.Clock.GetUtcNow().ToUnixTimeSeconds();
        var list = new OpenAiModelListBody("list", catalog.Models.Select(m => new OpenAiModelBody(m.Name, "model", created, OwnedBy)).ToList());
        await WriteJsonAsync(http, entry, 200, list, CloudJsonContext.Default.OpenAiModelListBody, cancellationToken);
    }

    private async Task OpenAiChatAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        if (!await AuthorizedAsync(http, entry, CloudShape.OpenAi, cancellationToken))
        {
            return;
        }

        var body = await ReadCloudAsync(http, entry, CloudShape.OpenAi, CloudJsonContext.Default.OpenAiChatRequestBody, cancellationToken);
        if (body is null)
        {
            return;
        }

        var stream = body.Stream ?? false;
        var messages = (body.Messages ?? []).Select(m => (Role: m.Role ?? "user", Text: WireText.Of(m.Content))).ToList();
        var lastUser = messages.LastOrDefault(m => m.Role == "user").Text;
        var tools = ToolPlay.Tools(body.Tools);
        var images = (body.Messages ?? []).Sum(m => WireText.Images(m.Content));
        log.Describe(entry, body.Model, lastUser, null, stream);
        log.DescribeContent(entry, tools.Count, images);
        var admission = await AdmitCloudAsync(http, entry, CloudShape.OpenAi, body.Model, cancellationToken);
        if (admission is not var (profile, fault))
        {
            return;
        }

        if (Unsupported(profile, tools.Count, images) is { } missing)
        {
            await CloudErrorAsync(http, entry, CloudShape.OpenAi, 400, $"registry.ollama.ai/library/{profile.Name} does not support {missing}", cancellationToken);
            return;
        }

        var conversation = string.Join("\n", messages.Select(m => m.Role + ": " + m.Text));
        var call = fault.Reply is null && messages.Count > 0 ? ToolPlay.Call(tools, messages[^1].Role, lastUser ?? "") : null;
        var text = fault.Reply
            ?? (call is not null ? ""
            : messages.Count > 0 && messages[^1].Role == "tool" ? ToolPlay.AnswerTo(messages[^1].Text)
            : ProseWriter.Write(profile.Name, lastUser ?? conversation, conversation, Thinks(profile)));
        var limits = new RequestOptionsBody { NumPredict = body.MaxCompletionTokens ?? body.MaxTokens, Stop = WireText.List(body.Stop) };
        var plan = GenerationPlan.Create(text, limits, messages.Sum(m => Tokenizer.Count(m.Text) + 4), profile.ContextLength);
        var includeUsage = body.StreamOptions?.IncludeUsage ?? false;
        var id = "chatcmpl-emu" + entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = options.Clock.GetUtcNow().ToUnixTimeSeconds();
        var model = body.Model!;
        var first = true;
        OpenAiToolCallBody? toolCall = call is var (name, arguments)
            ? new OpenAiToolCallBody { Id = "call_emu" + entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Function = new(name, arguments.GetRawText()) }
            : null;
        await AnswerAsync(
            http,
            entry,
            new PlannedAnswer(profile, plan, stream, options.DefaultKeepAlive, fault),
            piece =>
            {
                // The first delta names the role, as OpenAI's does.
                var delta = new OpenAiDeltaBody { Role = first ? "assistant" : null, Content = piece };
                first = false;
                return OpenAiEvent(new OpenAiCompletionBody
                {
                    Id = id, Object = "chat.completion.chunk", Created = created, Model = model, Choices = [new OpenAiChoiceBody { Delta = delta }],
                });
            },
            (full, timings) =>
            {
                var usage = new OpenAiUsageBody(timings.PromptEvalCount, timings.EvalCount, timings.PromptEvalCount + timings.EvalCount);
                var reason = toolCall is null ? OpenAiFinishReason(plan.DoneReason) : "tool_calls";
                if (!stream)
                {
                    var message = new OpenAiDeltaBody { Role = "assistant", Content = full, ToolCalls = toolCall is null ? null : [toolCall] };
                    return Serialize(
                        new OpenAiCompletionBody
                        {
                            Id = id, Object = "chat.completion", Created = created, Model = model,
                            Choices = [new OpenAiChoiceBody { Message = message, FinishReason = reason }], Usage = usage,
                        },
                        CloudJsonContext.Default.OpenAiCompletionBody);
                }

                var last = new OpenAiCompletionBody
                {
                    Id = id, Object = "chat.completion.chunk", Created = created, Model = model,
                    Choices = [new OpenAiChoiceBody { Delta = new OpenAiDeltaBody(), FinishReason = reason }],
                };
                var usageChunk = includeUsage
                    ? new OpenAiCompletionBody { Id = id, Object = "chat.completion.chunk", Created = created, Model = model, Usage = usage }
                    : null;
                if (toolCall is null)
                {
                    return OpenAiFinalEvents(last, usageChunk);
                }

                // The call streams whole in one delta before the finish, as an OpenAI-compatible server may send it.
                var calls = new OpenAiCompletionBody
                {
                    Id = id, Object = "chat.completion.chunk", Created = created, Model = model,
                    Choices = [new OpenAiChoiceBody { Delta = new OpenAiDeltaBody { Role = first ? "assistant" : null, ToolCalls = [toolCall with { Index = 0 }] } }],
                };
                return [.. OpenAiEvent(calls), .. "\n"u8, .. OpenAiFinalEvents(last, usageChunk)];
            },
            cancellationToken,
            EventStream);
    }

    /// <summary>An authorised, readable /v1/completions-shaped body (OpenAI's, or Mistral's FIM endpoint), logged; null when
    /// the error reply has been written.</summary>
    private async Task<OpenAiCompletionRequestBody?> ReadCompletionRequestAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        if (!await AuthorizedAsync(http, entry, CloudShape.OpenAi, cancellationToken))
        {
            return null;
        }

        var body = await ReadCloudAsync(http, entry, CloudShape.OpenAi, CloudJsonContext.Default.OpenAiCompletionRequestBody, cancellationToken);
        if (body is not null)
        {
            log.Describe(entry, body.Model, PromptOf(body), body.Suffix, body.Stream ?? false);
        }

        return body;
    }

    private static string PromptOf(OpenAiCompletionRequestBody body) => WireText.List(body.Prompt) is [var first, ..] ? first : "";

    private async Task OpenAiCompletionAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        if (await ReadCompletionRequestAsync(http, entry, cancellationToken) is not { } body)
        {
            return;
        }

        var stream = body.Stream ?? false;
        var prompt = PromptOf(body);
        var suffix = body.Suffix ?? "";
        var admission = await AdmitCloudAsync(http, entry, CloudShape.OpenAi, body.Model, cancellationToken);
        if (admission is not var (profile, fault))
        {
            return;
        }

        var (refused, ignored) = await RefuseSuffixAsync(http, entry, body.Suffix, cancellationToken);
        if (refused)
        {
            return;
        }

        if (suffix.Length > 0 && !ignored && !profile.SupportsInsert)
        {
            await CloudErrorAsync(http, entry, CloudShape.OpenAi, 400, $"{profile.Name} does not support suffix (fill-in-the-middle)", cancellationToken);
            return;
        }

        // A server that drops the suffix continues the prefix as if nothing followed the cursor.
        var text = fault.Reply is { } reply ? reply
            : suffix.Length > 0 && !ignored ? CodeContinuation.Continue(prompt, suffix)
            : FillRawPrompt(prompt) is { } filled ? filled
            : ignored ? CodeContinuation.Continue(prompt, "")
            : ProseWriter.Write(profile.Name, prompt, prompt, Thinks(profile));
        var limits = new RequestOptionsBody { NumPredict = body.MaxTokens, Stop = WireText.List(body.Stop) };
        var plan = GenerationPlan.Create(text, limits, Tokenizer.Count(prompt) + Tokenizer.Count(suffix), profile.ContextLength);
        var includeUsage = body.StreamOptions?.IncludeUsage ?? false;
        var id = "cmpl-emu" + entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = options.Clock.GetUtcNow().ToUnixTimeSeconds();
        var model = body.Model!;
        await AnswerAsync(
            http,
            entry,
            new PlannedAnswer(profile, plan, stream, options.DefaultKeepAlive, fault),
            piece => OpenAiEvent(new OpenAiCompletionBody
            {
                Id = id, Object = "text_completion", Created = created, Model = model, Choices = [new OpenAiChoiceBody { Text = piece }],
            }),
            (full, timings) =>
            {
                var usage = new OpenAiUsageBody(timings.PromptEvalCount, timings.EvalCount, timings.PromptEvalCount + timings.EvalCount);
                var reason = OpenAiFinishReason(plan.DoneReason);
                var last = new OpenAiCompletionBody
                {
                    Id = id, Object = "text_completion", Created = created, Model = model,
                    Choices = [new OpenAiChoiceBody { Text = full, FinishReason = reason }],
                    Usage = stream ? null : usage,
                };
                if (!stream)
                {
                    return Serialize(last, CloudJsonContext.Default.OpenAiCompletionBody);
                }

                var usageChunk = includeUsage
                    ? new OpenAiCompletionBody { Id = id, Object = "text_completion", Created = created, Model = model, Usage = usage }
                    : null;
                return OpenAiFinalEvents(last, usageChunk);
            },
            cancellationToken,
            EventStream);
    }

    private async Task AnthropicMessagesAsync(HttpContext http, RequestLogEntry entry, CancellationToken cancellationToken)
    {
        if (!await AuthorizedAsync(http, entry, CloudShape.Anthropic, cancellationToken))
        {
            return;
        }

        var body = await ReadCloudAsync(http, entry, CloudShape.Anthropic, CloudJsonContext.Default.AnthropicRequestBody, cancellationToken);
        if (body is null)
        {
            return;
        }

        var stream = body.Stream ?? false;
        var messages = (body.Messages ?? []).Select(m => (Role: m.Role ?? "user", Text: WireText.Of(m.Content))).ToList();
        var lastUser = messages.LastOrDefault(m => m.Role == "user").Text;
        log.Describe(entry, body.Model, lastUser, null, stream);
        if (body.MaxTokens is null)
        {
            await CloudErrorAsync(http, entry, CloudShape.Anthropic, 400, "max_tokens: Field required", cancellationToken);
            return;
        }

        var admission = await AdmitCloudAsync(http, entry, CloudShape.Anthropic, body.Model, cancellationToken);
        if (admission is not var (profile, fault))
        {
            return;
        }

        var system = WireText.Of(body.System);
        var conversation = "system: " + system + "\n" + string.Join("\n", messages.Select(m => m.Role + ": " + m.Text));
        var text = fault.Reply ?? ProseWriter.Write(profile.Name, lastUser ?? conversation, conversation, Thinks(profile));
        var limits = new RequestOptionsBody { NumPredict = body.MaxTokens, Stop = body.StopSequences };
        var promptTokens = Tokenizer.Count(system) + messages.Sum(m => Tokenizer.Count(m.Text) + 4);
        var plan = GenerationPlan.Create(text, limits, promptTokens, profile.ContextLength);
        var id = "msg_emu" + entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var model = body.Model!;
        var started = false;

        // message_start and content_block_start go before the first delta (or before the end of an empty answer).
        byte[] Prologue()
        {
            if (started)
            {
                return [];
            }

            started = true;
            var start = new AnthropicMessageResponseBody { Id = id, Model = model, Usage = new AnthropicUsageBody { InputTokens = plan.PromptTokens, OutputTokens = 1 } };
            return [
                .. AnthropicEvent(new AnthropicEventBody { Type = "message_start", Message = start }),
                .. AnthropicEvent(new AnthropicEventBody { Type = "content_block_start", Index = 0, ContentBlock = new AnthropicContentBlockBody("text", "") }),
            ];
        }

        await AnswerAsync(
            http,
            entry,
            new PlannedAnswer(profile, plan, stream, options.DefaultKeepAlive, fault),
            piece => [
                .. Prologue(),
                .. AnthropicEvent(
                    new AnthropicEventBody { Type = "content_block_delta", Index = 0, Delta = new AnthropicDeltaBody { Type = "text_delta", Text = piece } },
                    last: true),
            ],
            (full, timings) =>
            {
                var reason = plan.DoneReason == "length" ? "max_tokens" : "end_turn";
                if (!stream)
                {
                    return Serialize(
                        new AnthropicMessageResponseBody
                        {
                            Id = id, Model = model, Content = [new AnthropicContentBlockBody("text", full)], StopReason = reason,
                            Usage = new AnthropicUsageBody { InputTokens = timings.PromptEvalCount, OutputTokens = timings.EvalCount },
                        },
                        CloudJsonContext.Default.AnthropicMessageResponseBody);
                }

                return [
                    .. Prologue(),
                    .. AnthropicEvent(new AnthropicEventBody { Type = "content_block_stop", Index = 0 }),
                    .. AnthropicEvent(new AnthropicEventBody
                    {
                        Type = "message_delta",
                        Delta = new AnthropicDeltaBody { StopReason = reason },
                        Usage = new AnthropicUsageBody { OutputTokens = timings.EvalCount },
                    }),
                    .. AnthropicEvent(new AnthropicEventBody { Type = "message_stop" }, last: true),
                ];
            },
            cancellationToken,
            EventStream);
    }

    /// <summary>Checks the key only when the emulator was started with one; answers 401 in the API's shape otherwise.</summary>
    private async Task<bool> AuthorizedAsync(HttpContext http, RequestLogEntry entry, CloudShape shape, CancellationToken cancellationToken)
    {
        if (options.ApiKey is not { } expected)
        {
            return true;
        }

        var headers = http.Request.Headers;
        var sent = shape == CloudShape.Anthropic
            ? headers["x-api-key"].ToString()
            : headers.Authorization.ToString() is var authorization && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
                ? authorization["Bearer ".Length..]
                : "";
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected)))
        {
            return true;
        }

        var message = shape == CloudShape.Anthropic ? "invalid x-api-key" : "Incorrect API key provided.";
        await CloudErrorAsync(http, entry, shape, 401, message, cancellationToken);
        return false;
    }

    /// <summary>True when the request carries <paramref name="expected"/> as its bearer token (compared in constant time).</summary>
    private static bool HasBearer(HttpContext http, string expected)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var sent = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
    }

    private async Task<T?> ReadCloudAsync<T>(
        HttpContext http, RequestLogEntry entry, CloudShape shape, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var body = await System.Text.Json.JsonSerializer.DeserializeAsync(http.Request.Body, typeInfo, cancellationToken);
            if (body is null)
            {
                await CloudErrorAsync(http, entry, shape, 400, "missing request body", cancellationToken);
            }

            return body;
        }
        catch (System.Text.Json.JsonException e)
        {
            await CloudErrorAsync(http, entry, shape, 400, e.Message, cancellationToken);
            return null;
        }
    }

    private async Task<(ModelProfile Profile, EmulatorFaultSet Fault)?> AdmitCloudAsync(
        HttpContext http, RequestLogEntry entry, CloudShape shape, string? model, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            await CloudErrorAsync(http, entry, shape, 400, "model: Field required", cancellationToken);
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
            await CloudErrorAsync(http, entry, shape, 500, "The server had an error while processing your request.", cancellationToken);
            return null;
        }

        var profile = catalog.Find(model);
        if (profile is null || fault.ModelNotFound)
        {
            var message = shape == CloudShape.Anthropic
                ? $"model: {model}"
                : $"The model `{model}` does not exist or you do not have access to it.";
            await CloudErrorAsync(http, entry, shape, 404, message, cancellationToken);
            return null;
        }

        return (profile, fault);
    }

    private Task CloudErrorAsync(HttpContext http, RequestLogEntry entry, CloudShape shape, int status, string message, CancellationToken cancellationToken)
    {
        if (shape == CloudShape.Anthropic)
        {
            var type = status switch
            {
                401 => "authentication_error",
                404 => "not_found_error",
                500 => "api_error",
                _ => "invalid_request_error",
            };
            return WriteJsonAsync(
                http, entry, status, new AnthropicErrorBody("error", new AnthropicErrorDetailBody(type, message)), CloudJsonContext.Default.AnthropicErrorBody, cancellationToken);
        }

        var (errorType, code) = status switch
        {
            401 => ("invalid_request_error", "invalid_api_key"),
            404 => ("invalid_request_error", "model_not_found"),
            500 => ("server_error", (string?)null),
            _ => ("invalid_request_error", null),
        };
        return WriteJsonAsync(
            http, entry, status, new OpenAiErrorBody(new OpenAiErrorDetailBody(message, errorType, null, code)), CloudJsonContext.Default.OpenAiErrorBody, cancellationToken);
    }

    private static string OpenAiFinishReason(string doneReason) => doneReason == "length" ? "length" : "stop";

    /// <summary>"data: {json}\n"; the streaming loop adds the blank line that ends the event.</summary>
    private static byte[] OpenAiEvent(OpenAiCompletionBody chunk) =>
        [.. "data: "u8, .. Serialize(chunk, CloudJsonContext.Default.OpenAiCompletionBody), .. "\n"u8];

    private static byte[] OpenAiFinalEvents(OpenAiCompletionBody last, OpenAiCompletionBody? usage) =>
        [
            .. OpenAiEvent(last),
            .. "\n"u8,
            .. (usage is null ? Array.Empty<byte>() : [.. OpenAiEvent(usage), .. "\n"u8]),
            .. "data: [DONE]\n"u8,
        ];

    /// <summary>"event: type\ndata: {json}\n\n"; the last event of a write leaves its blank line to the streaming loop.</summary>
    private static byte[] AnthropicEvent(AnthropicEventBody value, bool last = false) =>
        [
            .. "event: "u8, .. Encoding.UTF8.GetBytes(value.Type), .. "\n"u8,
            .. "data: "u8, .. Serialize(value, CloudJsonContext.Default.AnthropicEventBody), .. "\n"u8,
            .. (last ? Array.Empty<byte>() : "\n"u8.ToArray()),
        ];
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Primitives;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Gateway.Keys;
using Router.Gateway.Wire;
using Router.Runtime.Budget;
using Router.Runtime.Chat;
using Router.Runtime.Dispatch;

namespace Router.Gateway.Hosting;

/// <summary>One request to any of the answering routes, the same way for every API: the key, its rate, the body, the model
/// asked for, the policy's decision (and the key's tiers), then the answer from the router, streamed or whole. Headers are
/// sent with the first text, so a host that fails before it is replaced without the client seeing anything; after it, the
/// stream ends with the API's error event and never carries text from a second model.</summary>
internal sealed class GatewayExchange(GatewayContext context)
{
    public const string TierHeader = "x-router-tier";
    public const string ModelHeader = "x-router-model";
    public const string EndpointHeader = "x-router-endpoint";
    public const string ReasonsHeader = "x-router-reasons";

    private static readonly JsonDocumentOptions BodyOptions = new() { MaxDepth = 64 };

    public async Task HandleAsync(HttpContext http, ApiDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(dialect);
        long started = Stopwatch.GetTimestamp();
        GatewayKey? key = null;
        try
        {
            key = Authenticate(http, context);
            using JsonDocument body = await ReadBodyAsync(http, dialect);
            GatewayAsk ask = Read(dialect, body.RootElement);
            ModelChoice choice = ModelChoice.Parse(ask.Model, context.Config());
            if (choice.Model is not null)
            {
                await ProbeUnlistedHostsAsync(http.RequestAborted);
            }

            RoutedChat chat = Route(ask, choice, key);
            using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            limit.CancelAfter(context.Options.RequestTimeout);
            try
            {
                if (ask.Stream)
                {
                    await StreamAsync(http, dialect, ask, chat, key, limit.Token);
                }
                else
                {
                    await AnswerAsync(http, dialect, chat, limit.Token);
                }
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
            {
                throw new GatewayException(GatewayErrorKind.Timeout, $"no answer within the gateway's limit of {context.Options.RequestTimeout.TotalSeconds:0} s");
            }

            GatewayLog.Served(context.Logger, http, key?.Name, Stopwatch.GetElapsedTime(started));
        }
        catch (GatewayException error)
        {
            GatewayLog.Refused(context.Logger, http, GatewayErrors.StatusOf(error.Kind), key?.Name, error.Message);
            await GatewayErrors.WriteAsync(http, dialect.Family, error);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: the dispatch and its model stream are closed; nobody is left to answer.
        }
    }

    /// <summary>The key the request presents (Authorization: Bearer, or Anthropic's x-api-key), its rate checked; null when
    /// the gateway has no keys.</summary>
    public static GatewayKey? Authenticate(HttpContext http, GatewayContext context)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.Keys is not { } ring)
        {
            return null;
        }

        string? presented = null;
        StringValues authorization = http.Request.Headers.Authorization;
        if (authorization.Count > 0 && authorization[0] is { } bearer && bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = bearer["Bearer ".Length..].Trim();
        }
        else if (http.Request.Headers.TryGetValue("x-api-key", out StringValues apiKey) && apiKey.Count > 0)
        {
            presented = apiKey[0]?.Trim();
        }

        if (string.IsNullOrEmpty(presented))
        {
            throw new GatewayException(GatewayErrorKind.Unauthorized, "a key is required: send 'Authorization: Bearer <key>' (or x-api-key)");
        }

        GatewayKey key = ring.Find(presented)
            ?? throw new GatewayException(GatewayErrorKind.Unauthorized, "unknown key");
        if (context.Rates.TryTake(key) is { } wait)
        {
            throw new GatewayException(
                GatewayErrorKind.RateLimited, $"key '{key.Name}' is over its {key.RequestsPerMinute} requests a minute", wait);
        }

        return key;
    }

    private async Task<JsonDocument> ReadBodyAsync(HttpContext http, ApiDialect dialect)
    {
        string? type = http.Request.ContentType;
        if (dialect.RequiresJsonContentType && !string.IsNullOrEmpty(type) && !IsJson(type))
        {
            throw new GatewayException(GatewayErrorKind.UnsupportedMediaType, $"the body must be JSON (Content-Type: application/json), not '{type}'");
        }

        if (http.Request.ContentLength > context.Options.MaxBodyBytes)
        {
            throw TooLarge();
        }

        try
        {
            return await JsonDocument.ParseAsync(http.Request.Body, BodyOptions, http.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, "the body is not valid JSON: " + e.Message) { Code = "invalid_json" };
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        catch (BadHttpRequestException e)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, "the body could not be read: " + e.Message);
        }

        GatewayException TooLarge() => new(GatewayErrorKind.TooLarge, $"the body is larger than the gateway takes ({context.Options.MaxBodyBytes} bytes)");
    }

    private static GatewayAsk Read(ApiDialect dialect, JsonElement body)
    {
        try
        {
            return dialect.Read(body);
        }
        catch (InvalidOperationException e)
        {
            // JsonElement.GetString on a string that is not valid UTF-8.
            throw new GatewayException(GatewayErrorKind.BadRequest, "the body is not valid JSON text: " + e.Message) { Code = "invalid_json" };
        }
    }

    private static bool IsJson(string contentType)
    {
        string media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The policy's decision for the request, with the tier or model the client named; 403 when the key may not
    /// use the tier it lands on.</summary>
    private RoutedChat Route(GatewayAsk ask, ModelChoice choice, GatewayKey? key)
    {
        if (key is not null && choice.Tier is { } asked && !key.Allows(asked))
        {
            throw new GatewayException(GatewayErrorKind.Forbidden, $"key '{key.Name}' may not use tier {asked.Name()}");
        }

        AdditionalPropertiesDictionary properties = ask.Options.AdditionalProperties ??= [];
        properties[RoutingChatKeys.RequestedTier] = choice.Tier?.Name();
        properties[RoutingChatKeys.RequestedModel] = choice.Model;

        // Streamed text cannot be taken back, so a weak streamed answer is kept as it is.
        properties[RoutingChatKeys.Escalate] = !ask.Stream;
        RoutedChat chat;
        try
        {
            chat = context.Router.Route(ask.Messages, ask.Options);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new GatewayException(GatewayErrorKind.Unavailable, e.Message);
        }

        if (key is null)
        {
            return chat;
        }

        if (!key.Allows(chat.Decision.Tier))
        {
            throw new GatewayException(
                GatewayErrorKind.Forbidden, $"key '{key.Name}' may not use tier {chat.Decision.Tier.Name()}, where this request is routed");
        }

        return chat with
        {
            Key = key.Name,
            BudgetScope = key.DailyUsd is { } daily ? new BudgetScope("key:" + key.Name, (decimal)daily) : null,
            AllowedTiers = key.Tiers,
        };
    }

    /// <summary>A model name that is no router/ name is routed by the hosts' model lists: a local host not probed yet is asked
    /// for its list first (once; later requests use the inventory's last lists, which its prober keeps fresh).</summary>
    private async Task ProbeUnlistedHostsAsync(CancellationToken cancellationToken)
    {
        if (context.Runtime.Inventory is not { } inventory)
        {
            return;
        }

        EndpointConfig[] unprobed = [.. context.Config().Endpoints.Values.Where(e => !e.Cloud && inventory.LastSnapshot(e) is null)];
        if (unprobed.Length > 0)
        {
            await Task.WhenAll(unprobed.Select(endpoint => inventory.GetSnapshotAsync(endpoint, cancellationToken).AsTask()));
        }
    }

    private async Task AnswerAsync(HttpContext http, ApiDialect dialect, RoutedChat chat, CancellationToken cancellationToken)
    {
        ChatResponse response;
        try
        {
            response = await context.Router.GetResponseAsync(chat, cancellationToken);
        }
        catch (DispatchFailedException e)
        {
            throw Failure(e, chat.Decision);
        }

        DispatchResult result = ((RoutedAnswer)response.RawRepresentation!).Result;
        Begin(http, chat.Decision, result.Tier, result.Model, result.Endpoint, "application/json");
        using Utf8JsonWriter json = new(http.Response.BodyWriter);
        dialect.WriteWhole(json, Head(chat, result.Model), result.Text, Tail(result));
        await json.FlushAsync(cancellationToken);
    }

    private async Task StreamAsync(HttpContext http, ApiDialect dialect, GatewayAsk ask, RoutedChat chat, GatewayKey? key, CancellationToken cancellationToken)
    {
        AnswerStream? stream = null;
        string from = "";
        try
        {
            // Text sent to the client cannot be taken back: a host lost after it ends the stream, no other host goes on.
            await foreach (ChatResponseUpdate update in context.Router.GetStreamingResponseAsync(chat with { RetriesAfterText = false }, cancellationToken))
            {
                switch (update.RawRepresentation)
                {
                    case DispatchEvent { Kind: DispatchEventKind.Text } text when text.Text.Length > 0:
                        stream ??= await OpenAsync(text.Tier, text.Model, text.Endpoint);
                        from = text.Endpoint;
                        await stream.TextAsync(text.Text, cancellationToken);
                        break;
                    case DispatchEvent { Kind: DispatchEventKind.Restart or DispatchEventKind.Escalation } restart when stream is not null:
                        // Text has gone out: another model's answer must not follow it.
                        GatewayLog.Cut(context.Logger, http, key?.Name, from, restart.Text);
                        await stream.FailAsync($"the answer was cut: {restart.Text}; it ends here rather than go on in another model's words", cancellationToken);
                        return;
                    case DispatchEvent { Kind: DispatchEventKind.ToolCalls } tools:
                        stream ??= await OpenAsync(tools.Tier, tools.Model, tools.Endpoint);
                        from = tools.Endpoint;
                        await stream.ToolCallsAsync(tools.ToolCalls, cancellationToken);
                        break;
                    case RoutedAnswer answer:
                        stream ??= await OpenAsync(answer.Result.Tier, answer.Result.Model, answer.Result.Endpoint);
                        await stream.EndAsync(Tail(answer.Result), cancellationToken);
                        break;
                }
            }
        }
        catch (DispatchFailedException e) when (stream is not null)
        {
            GatewayLog.Cut(context.Logger, http, key?.Name, from, e.Summary);
            await stream.FailAsync("the answer was cut: " + e.Summary, CancellationToken.None);
        }
        catch (DispatchFailedException e)
        {
            throw Failure(e, chat.Decision);
        }
        catch (OperationCanceledException) when (stream is not null && !http.RequestAborted.IsCancellationRequested)
        {
            await stream.FailAsync($"the answer was cut at the gateway's limit of {context.Options.RequestTimeout.TotalSeconds:0} s", CancellationToken.None);
        }
        finally
        {
            stream?.Dispose();
        }

        async Task<AnswerStream> OpenAsync(Tier tier, string model, string endpoint)
        {
            Begin(http, chat.Decision, tier, model, endpoint, dialect.StreamContentType);
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            AnswerStream opened = dialect.OpenStream(http.Response, Head(chat, model), ask);
            await opened.StartAsync(cancellationToken);
            return opened;
        }
    }

    /// <summary>A dispatch no host answered: 404 when no host has the model, 429 when budgets refused it, else 503. A model
    /// no host lists is 404 even when a host whose list is unknown was down; a private request for one that only a cloud
    /// endpoint may serve is refused as any private request no local host could answer is (503, saying why).</summary>
    private static GatewayException Failure(DispatchFailedException e, RouteDecision decision)
    {
        if (decision.PassThrough is { Hosts.Count: 0 } passed)
        {
            return passed.KeptOff.Count > 0
                ? new GatewayException(GatewayErrorKind.Unavailable, e.Message) { Code = "no_host_available" }
                : new GatewayException(GatewayErrorKind.NotFound, $"model \"{passed.Model}\" not found: no host has it ({e.Summary})") { Code = "model_not_found" };
        }

        IReadOnlyList<DispatchAttempt> attempts = e.Attempts;
        if (attempts.Count > 0 && attempts.All(a => a.Cause == DispatchAttemptCause.ModelMissing))
        {
            return new GatewayException(GatewayErrorKind.NotFound, e.Message) { Code = "model_not_found" };
        }

        if (attempts.Count > 0 && attempts.All(a => a.Cause == DispatchAttemptCause.OverBudget))
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            return new GatewayException(GatewayErrorKind.RateLimited, e.Message, now.Date.AddDays(1) - now.UtcDateTime) { Code = "budget_exceeded" };
        }

        return new GatewayException(GatewayErrorKind.Unavailable, e.Message) { Code = "no_host_available" };
    }

    private static void Begin(HttpContext http, RouteDecision decision, Tier tier, string model, string endpoint, string contentType)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = contentType;
        http.Response.Headers[TierHeader] = tier.Name();
        http.Response.Headers[ModelHeader] = HeaderText(model);
        http.Response.Headers[EndpointHeader] = HeaderText(endpoint);
        http.Response.Headers[ReasonsHeader] = HeaderText(string.Join("; ", decision.Reasons));
    }

    private AnswerHead Head(RoutedChat chat, string model) => new("router-" + chat.Id, model, context.Time.GetUtcNow());

    private static AnswerTail Tail(DispatchResult result) =>
        new(result.DoneReason, result.Usage?.PromptTokens, result.Usage?.OutputTokens) { ToolCalls = result.ToolCalls };

    /// <summary>A header value in visible ASCII: anything else (a reason quoting a non-English cue word) is percent-encoded.</summary>
    internal static string HeaderText(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return text;
        }

        StringBuilder safe = new(text.Length + 16);
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (rune.Value is >= ' ' and <= '~' && rune.Value != '%')
            {
                safe.Append((char)rune.Value);
            }
            else
            {
                safe.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return safe.ToString();
    }
}

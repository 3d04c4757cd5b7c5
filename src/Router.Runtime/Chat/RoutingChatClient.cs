using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Quality;
using Router.Runtime.Dispatch;

namespace Router.Runtime.Chat;

/// <summary>The router as an <see cref="IChatClient"/>: each conversation is routed as `router ask` routes a prompt (privacy
/// gate, tier by content, fallback, one escalation within privacy and budget) and answered by the model it chose. The model is
/// the router's choice, not <see cref="ChatOptions.ModelId"/>; the response says who answered and why (<see cref="ChatResponse.ModelId"/>,
/// <see cref="RoutingChatKeys"/> in <c>AdditionalProperties</c>, a <see cref="RoutedAnswer"/> as <c>RawRepresentation</c>).</summary>
/// <remarks>Messages may hold text, images (<see cref="DataContent"/>), tool calls and tool results, and the options tools; the
/// model's tool calls come back as <see cref="FunctionCallContent"/> with <see cref="ChatFinishReason.ToolCalls"/>. Anything
/// else (a link to fetch, a file that is no image) is refused with <see cref="NotSupportedException"/>.
/// <see cref="InvalidOperationException"/>: the configuration has no tier that can take the request. <see cref="DispatchFailedException"/>:
/// no endpoint answered (the message lists every attempt).</remarks>
public sealed class RoutingChatClient : IChatClient
{
    private readonly RouterRuntime _runtime;
    private readonly Func<RouterConfig> _config;
    private readonly Lock _gate = new();
    private (RouterConfig Config, RoutePolicy Policy)? _policy;
    private long _requests;

    /// <param name="runtime">Hosts' health, inventory, spend ledger and the dispatcher; the caller owns it.</param>
    /// <param name="config">The configuration in force, read at each request (a watched file may change it).</param>
    public RoutingChatClient(RouterRuntime runtime, Func<RouterConfig> config)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(config);
        _runtime = runtime;
        _config = config;
    }

    public RoutingChatClient(RouterRuntime runtime, RouterConfig config)
        : this(runtime, () => config)
    {
        ArgumentNullException.ThrowIfNull(config);
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetResponseAsync(Route(messages, options), cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        // Decided before the first update is asked for, so a request the configuration cannot take fails at the call.
        GetStreamingResponseAsync(Route(messages, options), cancellationToken);

    /// <summary>Routes a conversation without sending it anywhere, so a caller can check the decision first (the gateway's
    /// key may not use the tier). Throws as <see cref="GetResponseAsync(IEnumerable{ChatMessage}, ChatOptions?, CancellationToken)"/> does before dispatch.</summary>
    public RoutedChat Route(IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        string id = "chat-" + Interlocked.Increment(ref _requests).ToString(CultureInfo.InvariantCulture);
        RoutedConversation conversation = RoutedConversation.From(id, messages, options);
        (RouterConfig config, RoutePolicy policy) = Policy();
        // A model the client named goes to whichever host lists it (the policy ignores the hosts for a tier's model).
        ModelHosts? hosts = conversation.Request.RequestedModel is { } named && !string.IsNullOrWhiteSpace(named)
            ? _runtime.HostsOf(named.Trim(), config)
            : null;
        return new RoutedChat(id, config, conversation, policy.Decide(conversation.Request, _runtime.SpentTodayUsd(), hosts));
    }

    /// <summary>Answers a routed conversation.</summary>
    public async Task<ChatResponse> GetResponseAsync(RoutedChat chat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chat);
        (string id, RouterConfig config, RouteDecision decision) = (chat.Id, chat.Config, chat.Decision);
        DispatchResult result = await _runtime.Dispatcher.DispatchAsync(Dispatch(chat), null, cancellationToken);
        await _runtime.RecordAsync(result, config, CancellationToken.None);
        RoutedAnswer answer = new(decision, result);
        List<AIContent> contents = result.Text.Length > 0 || result.ToolCalls.Count == 0 ? [new TextContent(result.Text)] : [];
        contents.AddRange(result.ToolCalls);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents) { MessageId = MessageId(id, result) })
        {
            ResponseId = id,
            ModelId = result.Model,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = FinishReason(result.DoneReason),
            Usage = Usage(result),
            RawRepresentation = answer,
            AdditionalProperties = Properties(answer),
        };
    }

    /// <summary>Streams the answer to a routed conversation.</summary>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(RoutedChat chat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return StreamAsync(chat, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType.IsInstanceOfType(this) ? this
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("router")
            : serviceType == typeof(RouterRuntime) ? _runtime
            : null;
    }

    /// <summary>Nothing to release: the runtime belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(RoutedChat chat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (string id, RouterConfig config, RouteDecision decision) = (chat.Id, chat.Config, chat.Decision);
        // Bounded: a slow reader holds the dispatch back, as a slow terminal does.
        Channel<ChatResponseUpdate> updates = Channel.CreateBounded<ChatResponseUpdate>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<DispatchResult> running = RunAsync();
        try
        {
            yield return new ChatResponseUpdate
            {
                Role = ChatRole.Assistant,
                ResponseId = id,
                MessageId = id + "-1",
                ModelId = decision.Model,
                RawRepresentation = decision,
                AdditionalProperties = new AdditionalPropertiesDictionary
                {
                    [RoutingChatKeys.Event] = "route",
                    [RoutingChatKeys.DecidedTier] = decision.Tier.Name(),
                    [RoutingChatKeys.DecidedModel] = decision.Model,
                    [RoutingChatKeys.DecidedEndpoint] = decision.Endpoint,
                    [RoutingChatKeys.LocalOnly] = decision.LocalOnly,
                    [RoutingChatKeys.Reasons] = decision.Reasons.ToArray(),
                },
            };
            await foreach (ChatResponseUpdate update in updates.Reader.ReadAllAsync(cancellationToken))
            {
                yield return update;
            }

            DispatchResult result = await running;
            await _runtime.RecordAsync(result, config, CancellationToken.None);
            RoutedAnswer answer = new(decision, result);
            yield return new ChatResponseUpdate(ChatRole.Assistant, Usage(result) is { } usage ? [new UsageContent(usage)] : [])
            {
                ResponseId = id,
                MessageId = MessageId(id, result),
                ModelId = result.Model,
                FinishReason = FinishReason(result.DoneReason),
                RawRepresentation = answer,
                AdditionalProperties = Properties(answer),
            };
        }
        finally
        {
            // The reader stopped early or failed: the dispatch, and the model stream it holds, end now.
            await stop.CancelAsync();
            await Task.WhenAny(running);
            _ = running.Exception;
        }

        async Task<DispatchResult> RunAsync()
        {
            try
            {
                return await _runtime.Dispatcher.DispatchAsync(
                    Dispatch(chat),
                    (dispatchEvent, token) => updates.Writer.WriteAsync(Update(id, dispatchEvent), token),
                    stop.Token);
            }
            finally
            {
                updates.Writer.TryComplete();
            }
        }
    }

    /// <summary>The policy for the configuration in force, made again only when the configuration changed.</summary>
    private (RouterConfig Config, RoutePolicy Policy) Policy()
    {
        RouterConfig config = _config() ?? throw new InvalidOperationException("no configuration to route with");
        lock (_gate)
        {
            if (_policy is not { } cached || !ReferenceEquals(cached.Config, config))
            {
                _policy = (config, new RoutePolicy(config));
            }

            return _policy.Value;
        }
    }

    private static DispatchRequest Dispatch(RoutedChat chat) =>
        new(chat.Conversation.Request, chat.Decision, chat.Config)
        {
            BuildModelRequest = chat.Conversation.Build,
            Judge = chat.Conversation.Escalate ? null : static _ => AnswerVerdict.Sound,
            BudgetScope = chat.BudgetScope,
            Key = chat.Key,
            AllowedTiers = chat.AllowedTiers,
            RetriesAfterText = chat.RetriesAfterText,
        };

    private static ChatResponseUpdate Update(string id, DispatchEvent dispatchEvent)
    {
        string messageId = id + "-" + dispatchEvent.Attempt.ToString(CultureInfo.InvariantCulture);
        if (dispatchEvent.Kind == DispatchEventKind.Text)
        {
            return new ChatResponseUpdate(ChatRole.Assistant, dispatchEvent.Text)
            {
                ResponseId = id,
                MessageId = messageId,
                ModelId = dispatchEvent.Model,
                RawRepresentation = dispatchEvent,
            };
        }

        if (dispatchEvent.Kind == DispatchEventKind.ToolCalls)
        {
            return new ChatResponseUpdate(ChatRole.Assistant, [.. dispatchEvent.ToolCalls])
            {
                ResponseId = id,
                MessageId = messageId,
                ModelId = dispatchEvent.Model,
                FinishReason = ChatFinishReason.ToolCalls,
                RawRepresentation = dispatchEvent,
            };
        }

        return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ResponseId = id,
            MessageId = messageId,
            ModelId = dispatchEvent.Model,
            RawRepresentation = dispatchEvent,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [RoutingChatKeys.Event] = dispatchEvent.Kind.ToString().ToLowerInvariant(),
                [RoutingChatKeys.Note] = dispatchEvent.Text,
                [RoutingChatKeys.Tier] = dispatchEvent.Tier.Name(),
                [RoutingChatKeys.Endpoint] = dispatchEvent.Endpoint,
            },
        };
    }

    private static string MessageId(string id, DispatchResult result)
    {
        int answered = result.Attempts.LastOrDefault(a => a.Outcome == DispatchAttemptOutcome.Answered && a.Endpoint == result.Endpoint && a.Model == result.Model)?.Number ?? 1;
        return id + "-" + answered.ToString(CultureInfo.InvariantCulture);
    }

    private static AdditionalPropertiesDictionary Properties(RoutedAnswer answer)
    {
        (RouteDecision decision, DispatchResult result) = answer;
        AdditionalPropertiesDictionary properties = new()
        {
            [RoutingChatKeys.Tier] = result.Tier.Name(),
            [RoutingChatKeys.Endpoint] = result.Endpoint,
            [RoutingChatKeys.DecidedTier] = decision.Tier.Name(),
            [RoutingChatKeys.DecidedModel] = decision.Model,
            [RoutingChatKeys.DecidedEndpoint] = decision.Endpoint,
            [RoutingChatKeys.Reasons] = decision.Reasons.ToArray(),
            [RoutingChatKeys.LocalOnly] = decision.LocalOnly,
            [RoutingChatKeys.FellBack] = result.FellBack,
            [RoutingChatKeys.Attempts] = result.Attempts.Select(attempt => attempt.ToString()).ToArray(),
            [RoutingChatKeys.CostUsd] = result.CostUsd,
        };
        if (result.Escalation is { } escalation)
        {
            properties[RoutingChatKeys.Escalation] = escalation.Summary;
        }

        return properties;
    }

    private static UsageDetails? Usage(DispatchResult result) => result.Usage is { } usage
        ? new UsageDetails { InputTokenCount = usage.PromptTokens, OutputTokenCount = usage.OutputTokens, TotalTokenCount = usage.PromptTokens + usage.OutputTokens }
        : null;

    private static ChatFinishReason? FinishReason(string? doneReason) => doneReason switch
    {
        null => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "content_filter" => ChatFinishReason.ContentFilter,
        "tool_calls" => ChatFinishReason.ToolCalls,
        _ => new ChatFinishReason(doneReason),
    };
}

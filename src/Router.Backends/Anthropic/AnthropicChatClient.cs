using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Backends.Anthropic;

/// <summary>The Messages API as an <see cref="IChatClient"/>: system messages become the system prompt, text and images the
/// content blocks; text deltas stream, and the last update carries the finish reason and usage. <see cref="ChatOptions.ModelId"/>
/// is required; every failure is a <see cref="ProviderException"/> or the caller's cancel.</summary>
internal sealed class AnthropicChatClient(AnthropicMessagesClient messages, Uri baseAddress) : IChatClient
{
    /// <summary>The Messages API requires max_tokens; sent when the options set none.</summary>
    public const int DefaultMaxTokens = 4096;

    public ChatClientMetadata Metadata { get; } = new("anthropic", baseAddress);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> chat, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        AnthropicMessagesRequest request = Request(chat, options);
        messages.CheckKey(request.Model);
        AnthropicMessageResponse answer = await messages.CreateAsync(request, cancellationToken);
        string text = string.Concat((answer.Content ?? []).Where(block => block.Type == "text").Select(block => block.Text));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text) { MessageId = answer.Id })
        {
            ResponseId = answer.Id,
            ModelId = answer.Model ?? request.Model,
            FinishReason = FinishReason(answer.StopReason),
            Usage = AnthropicTokenCounts.None.With(answer.Usage).ToUsageDetails(),
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> chat, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        AnthropicMessagesRequest request = Request(chat, options);
        messages.CheckKey(request.Model);
        return StreamAsync(request, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
            : null;
    }

    public void Dispose()
    {
        // The HTTP client is the provider pool's, shared by every provider; this client holds nothing of its own.
    }

    /// <summary>The chat as a Messages request; refuses what it cannot send (tools, audio, a tool's turn) before any I/O.</summary>
    internal static AnthropicMessagesRequest Request(IEnumerable<ChatMessage> chat, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(chat);
        string model = options?.ModelId is { Length: > 0 } id
            ? id
            : throw new ArgumentException("ChatOptions.ModelId must name the model.", nameof(options));
        if (options!.Tools is { Count: > 0 })
        {
            throw new NotSupportedException("The router's Anthropic client sends no tools.");
        }

        List<string> system = [];
        List<AnthropicMessage> turns = [];
        foreach (ChatMessage message in chat)
        {
            if (message.Role == ChatRole.System)
            {
                system.Add(message.Text);
            }
            else if (message.Role == ChatRole.User || message.Role == ChatRole.Assistant)
            {
                turns.Add(new AnthropicMessage(message.Role.Value, [.. message.Contents.Select(Block)]));
            }
            else
            {
                throw new NotSupportedException($"A {message.Role} message cannot be sent to the Messages API.");
            }
        }

        return new AnthropicMessagesRequest
        {
            Model = model,
            MaxTokens = options.MaxOutputTokens ?? DefaultMaxTokens,
            System = system.Count == 0 ? null : string.Join("\n\n", system),
            Messages = turns,
            Temperature = options.Temperature is { } t ? double.Parse(t.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null,
            StopSequences = options.StopSequences is { Count: > 0 } stop ? [.. stop] : null,
        };
    }

    /// <summary>The router's finish reason for a stop_reason: end_turn and stop_sequence are a whole answer, max_tokens (and a full
    /// context window) a cut one.</summary>
    internal static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" or "pause_turn" => ChatFinishReason.Stop,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(stopReason),
    };

    private static AnthropicContentBlock Block(AIContent content) => content switch
    {
        TextContent text => AnthropicContentBlock.OfText(text.Text),
        DataContent data when data.HasTopLevelMediaType("image") => new AnthropicContentBlock
        {
            Type = "image",
            Source = new AnthropicImageSource { Type = "base64", MediaType = data.MediaType, Data = data.Base64Data.ToString() },
        },
        UriContent uri when uri.HasTopLevelMediaType("image") => new AnthropicContentBlock
        {
            Type = "image",
            Source = new AnthropicImageSource { Type = "url", Url = uri.Uri.AbsoluteUri },
        },
        _ => throw new NotSupportedException($"{content.GetType().Name} cannot be sent to the Messages API."),
    };

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(AnthropicMessagesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? id = null;
        string model = request.Model;
        string? stopReason = null;
        AnthropicTokenCounts counts = AnthropicTokenCounts.None;
        await foreach (AnthropicStreamEvent received in messages.StreamAsync(request, cancellationToken))
        {
            switch (received.Type)
            {
                case "message_start":
                    id = received.Message?.Id;
                    model = received.Message?.Model ?? model;
                    counts = counts.With(received.Message?.Usage);
                    break;
                case "content_block_delta" when received.Delta is { Type: "text_delta", Text.Length: > 0 } delta:
                    yield return Update(new TextContent(delta.Text), id, model);
                    break;
                case "message_delta":
                    stopReason = received.Delta?.StopReason ?? stopReason;
                    counts = counts.With(received.Usage);
                    break;
                case "message_stop":
                    ChatResponseUpdate last = Update(null, id, model);
                    last.FinishReason = FinishReason(stopReason) ?? ChatFinishReason.Stop;
                    if (counts.ToUsageDetails() is { } usage)
                    {
                        last.Contents.Add(new UsageContent(usage));
                    }

                    yield return last;
                    break;
            }
        }
    }

    private static ChatResponseUpdate Update(AIContent? content, string? id, string model) =>
        new(ChatRole.Assistant, content is null ? [] : [content]) { ResponseId = id, MessageId = id, ModelId = model };
}

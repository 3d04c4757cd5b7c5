using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Backends.Anthropic;

/// <summary>The Messages API as an <see cref="IChatClient"/>: system messages become the system prompt, text, images, tool calls
/// and tool results the content blocks, function declarations the tools; text deltas stream, each tool call comes whole as a
/// <see cref="FunctionCallContent"/>, and the last update carries the finish reason and usage. <see cref="ChatOptions.ModelId"/>
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
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, Contents(answer)) { MessageId = answer.Id })
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

    /// <summary>The chat as a Messages request; refuses what it cannot send (audio, hosted tools) before any I/O. A tool's
    /// results go back in a user turn, as the API takes them; turns of one role in a row are sent as one.</summary>
    internal static AnthropicMessagesRequest Request(IEnumerable<ChatMessage> chat, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(chat);
        string model = options?.ModelId is { Length: > 0 } id
            ? id
            : throw new ArgumentException("ChatOptions.ModelId must name the model.", nameof(options));
        List<string> system = [];
        List<AnthropicMessage> turns = [];
        foreach (ChatMessage message in chat)
        {
            string role = message.Role == ChatRole.System ? "system"
                : message.Role == ChatRole.User || message.Role == ChatRole.Tool ? "user"
                : message.Role == ChatRole.Assistant ? "assistant"
                : throw new NotSupportedException($"A {message.Role} message cannot be sent to the Messages API.");
            if (role == "system")
            {
                system.Add(message.Text);
                continue;
            }

            List<AnthropicContentBlock> blocks = Blocks(message.Contents);
            if (turns.Count > 0 && turns[^1].Role == role)
            {
                turns[^1] = turns[^1] with { Content = [.. turns[^1].Content, .. blocks] };
            }
            else
            {
                turns.Add(new AnthropicMessage(role, blocks));
            }
        }

        List<AnthropicTool>? tools = options!.Tools is { Count: > 0 } given ? [.. given.Select(Tool)] : null;
        return new AnthropicMessagesRequest
        {
            Model = model,
            MaxTokens = options.MaxOutputTokens ?? DefaultMaxTokens,
            System = system.Count == 0 ? null : string.Join("\n\n", system),
            Messages = turns,
            Temperature = options.Temperature is { } t ? double.Parse(t.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null,
            StopSequences = options.StopSequences is { Count: > 0 } stop ? [.. stop] : null,
            Tools = tools,
            ToolChoice = tools is null ? null : ToolChoice(options.ToolMode, options.AllowMultipleToolCalls),
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

    /// <summary>A message's contents as blocks; an empty text beside other blocks is left out (the API refuses empty text).</summary>
    private static List<AnthropicContentBlock> Blocks(IList<AIContent> contents)
    {
        List<AnthropicContentBlock> blocks = [.. contents.Where(c => c is not TextContent { Text.Length: 0 }).Select(Block)];
        return blocks.Count == 0 ? [AnthropicContentBlock.OfText("")] : blocks;
    }

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
        FunctionCallContent call => new AnthropicContentBlock
        {
            Type = "tool_use",
            Id = call.CallId,
            Name = call.Name,
            Input = AnthropicToolInput.ToJson(call.Arguments),
        },
        FunctionResultContent result => new AnthropicContentBlock
        {
            Type = "tool_result",
            ToolUseId = result.CallId,
            Content = AnthropicToolInput.ResultText(result.Result),
            IsError = result.Exception is null ? null : true,
        },
        _ => throw new NotSupportedException($"{content.GetType().Name} cannot be sent to the Messages API."),
    };

    private static AnthropicTool Tool(AITool tool) => tool is AIFunctionDeclaration function
        ? new AnthropicTool { Name = function.Name, Description = function.Description is { Length: > 0 } d ? d : null, InputSchema = function.JsonSchema }
        : throw new NotSupportedException($"The tool '{tool.Name}' ({tool.GetType().Name}) cannot be sent to the Messages API; only functions can.");

    private static AnthropicToolChoice? ToolChoice(ChatToolMode? mode, bool? allowMultiple)
    {
        // The one-call-at-a-time switch lives in tool_choice: asking for it without a mode means auto.
        bool? disableParallel = allowMultiple == false ? true : null;
        return mode switch
        {
            null when disableParallel is null => null,
            NoneChatToolMode => new AnthropicToolChoice("none"),
            RequiredChatToolMode { RequiredFunctionName: { } name } => new AnthropicToolChoice("tool", name, disableParallel),
            RequiredChatToolMode => new AnthropicToolChoice("any", null, disableParallel),
            _ => new AnthropicToolChoice("auto", null, disableParallel),
        };
    }

    /// <summary>An answer's blocks in order: text as text, tool_use as a call with its input; others (thinking) are not the answer.</summary>
    private static List<AIContent> Contents(AnthropicMessageResponse answer)
    {
        List<AIContent> contents = [];
        foreach (AnthropicContentBlock block in answer.Content ?? [])
        {
            if (block.Type == "text")
            {
                contents.Add(new TextContent(block.Text));
            }
            else if (block.Type == "tool_use")
            {
                contents.Add(Call(block.Id, block.Name, block.Input ?? default));
            }
        }

        return contents.Count == 0 ? [new TextContent("")] : contents;
    }

    private static FunctionCallContent Call(string? id, string? name, JsonElement input) =>
        new(id ?? "", name ?? "", AnthropicToolInput.ToArguments(input));

    /// <summary>Text deltas as they come; a tool_use block is gathered (its input arrives in pieces of JSON) and given whole,
    /// as one call, when its block stops.</summary>
    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(AnthropicMessagesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? id = null;
        string model = request.Model;
        string? stopReason = null;
        AnthropicTokenCounts counts = AnthropicTokenCounts.None;
        Dictionary<int, PendingCall> calls = [];
        await foreach (AnthropicStreamEvent received in messages.StreamAsync(request, cancellationToken))
        {
            switch (received.Type)
            {
                case "message_start":
                    id = received.Message?.Id;
                    model = received.Message?.Model ?? model;
                    counts = counts.With(received.Message?.Usage);
                    break;
                case "content_block_start" when received.ContentBlock is { Type: "tool_use" } block:
                    calls[received.Index ?? 0] = new PendingCall(block.Id, block.Name);
                    break;
                case "content_block_delta" when received.Delta is { Type: "text_delta", Text.Length: > 0 } delta:
                    yield return Update(new TextContent(delta.Text), id, model);
                    break;
                case "content_block_delta" when received.Delta is { Type: "input_json_delta" } delta
                    && calls.TryGetValue(received.Index ?? 0, out PendingCall? call):
                    call.Input.Append(delta.PartialJson);
                    break;
                case "content_block_stop" when calls.Remove(received.Index ?? 0, out PendingCall? call):
                    yield return Update(Call(call.Id, call.Name, messages.ParseToolInput(call.Input.ToString(), model)), id, model);
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

    /// <summary>A tool_use block of a stream, its input gathered from input_json_delta pieces until its block stops.</summary>
    private sealed record PendingCall(string? Id, string? Name)
    {
        public StringBuilder Input { get; } = new();
    }
}

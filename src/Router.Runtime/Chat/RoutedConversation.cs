using Microsoft.Extensions.AI;
using Router.Backends.Providers;
using Router.Core.Requests;
using Router.Runtime.Dispatch;

namespace Router.Runtime.Chat;

/// <summary>A conversation handed to <see cref="RoutingChatClient"/>, as the policy sees it and as the model gets it. The last
/// user message is the request's text; every other message (earlier turns, system messages, instructions) is history, and
/// the tools' definitions, calls and results are the request's tool text, so the privacy scan and the token estimate cover
/// everything that is sent as text. Images are counted: no scan reads them.</summary>
/// <param name="Turns">What the model is sent, in order; null for a completion (the text is the code before the cursor).</param>
/// <param name="Escalate">False when a weak answer must be kept as it is (see <see cref="RoutingChatKeys.Escalate"/>).</param>
internal sealed record RoutedConversation(RouteRequest Request, IReadOnlyList<ChatTurn>? Turns, GenerationOptions Options, bool Escalate)
{
    /// <summary>The tools the model may call; null for none.</summary>
    public IReadOnlyList<AITool>? Tools { get; init; }

    /// <summary>The caller's tool choice; null leaves it to the model.</summary>
    public ChatToolMode? ToolMode { get; init; }

    /// <summary>False when the client asked for one tool call at a time (OpenAI's parallel_tool_calls, Anthropic's
    /// disable_parallel_tool_use); null leaves it to the model.</summary>
    public bool? AllowMultipleToolCalls { get; init; }

    public static RoutedConversation From(string id, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<ChatMessage> list = [.. messages];
        int images = 0;
        foreach (AIContent content in list.SelectMany(message => message.Contents))
        {
            switch (content)
            {
                case TextContent or TextReasoningContent or FunctionCallContent or FunctionResultContent:
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    images++;
                    break;
                case UriContent uri:
                    throw new NotSupportedException($"The router fetches nothing: send the {uri.MediaType} at {uri.Uri.Scheme}:… as data, not a link.");
                case DataContent data:
                    throw new NotSupportedException($"The router passes images on, not {data.MediaType}.");
                default:
                    throw new NotSupportedException($"The router sends text, images and tool calls: a message holds {content.GetType().Name}.");
            }
        }

        IReadOnlyList<AITool>? tools = options?.Tools is { Count: > 0 } given ? [.. given] : null;
        RequestKind kind = RequestKind.Chat;
        if (Property(options, RoutingChatKeys.Kind) is { } kindName)
        {
            kind = RequestKindNames.TryParse(kindName, out RequestKind? parsed)
                ? parsed.Value
                : throw new ArgumentException($"unknown kind '{kindName}' (completion, explain, refactor or chat)", nameof(options));
        }

        int last = list.FindLastIndex(message => message.Role == ChatRole.User);
        string text = last < 0 ? "" : list[last].Text;
        List<ChatTurn> turns = [];
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            turns.Add(new ChatTurn("system", instructions));
        }

        turns.AddRange(list.Select(message => new ChatTurn(RoleOf(message.Role), message.Text)
        {
            Parts = [.. message.Contents.Where(content => content is DataContent or FunctionCallContent or FunctionResultContent)],
        }));

        string? file = Property(options, RoutingChatKeys.File);
        string? language = Property(options, RoutingChatKeys.Language);

        // Everything sent besides the text: earlier turns as the policy's history (scanned and counted), a user message
        // with the answers that followed it as one turn.
        List<HistoryTurn> history = [];
        string? pending = null;
        int lastTurn = last < 0 ? -1 : last + (turns.Count - list.Count);
        for (int i = 0; i < turns.Count; i++)
        {
            if (i == lastTurn)
            {
                Flush();
                continue;
            }

            if (turns[i].Role == "user" || turns[i].Role == "system")
            {
                Flush();
            }

            pending = pending is null ? turns[i].Content : pending + "\n\n" + turns[i].Content;
        }

        Flush();
        Tier? requestedTier = null;
        if (Property(options, RoutingChatKeys.RequestedTier) is { } tierName)
        {
            requestedTier = TierNames.TryParse(tierName, out Tier? parsedTier)
                ? parsedTier
                : throw new ArgumentException($"unknown tier '{tierName}' ({TierNames.Listing})", nameof(options));
        }

        RouteRequest request = kind == RequestKind.Completion
            ? new RouteRequest(id, kind) { Prefix = text, Suffix = Property(options, RoutingChatKeys.Suffix), File = file, Language = language, History = history }
            : new RouteRequest(id, kind) { Text = text, File = file, Language = language, History = history, ImageCount = images, ToolText = ToolText.Of(tools, turns) };
        request = request with { RequestedTier = requestedTier, RequestedModel = Property(options, RoutingChatKeys.RequestedModel) };

        // A conversation without instructions of its own gets the router's for the kind, as `router ask` sends it.
        if (!turns.Any(turn => turn.Role == "system"))
        {
            turns.Insert(0, new ChatTurn("system", ModelPrompts.Instruction(kind, language)));
        }

        GenerationOptions generation = new()
        {
            MaxTokens = options?.MaxOutputTokens,
            Temperature = options?.Temperature,
            Stop = options?.StopSequences is { Count: > 0 } stop ? [.. stop] : null,
        };
        bool escalate = options?.AdditionalProperties?.TryGetValue(RoutingChatKeys.Escalate, out object? value) != true || value is not false;
        return new RoutedConversation(request, kind == RequestKind.Completion ? null : turns, generation, escalate)
        {
            Tools = tools,
            ToolMode = tools is null ? null : options?.ToolMode,
            AllowMultipleToolCalls = tools is null ? null : options?.AllowMultipleToolCalls,
        };

        void Flush()
        {
            if (pending is not null)
            {
                history.Add(new HistoryTurn(RequestKind.Chat, pending, null, null));
                pending = null;
            }
        }
    }

    /// <summary>The model request for <paramref name="model"/> (each attempt's tier may differ).</summary>
    public ModelRequest Build(string model) => Turns is null
        ? ModelPrompts.Build(Request, model) with { Options = Options }
        : new ModelRequest(model) { Messages = Turns, Options = Options, Tools = Tools, ToolMode = ToolMode, AllowMultipleToolCalls = AllowMultipleToolCalls };

    private static string RoleOf(ChatRole role) =>
        role == ChatRole.System ? "system" : role == ChatRole.Assistant ? "assistant" : role == ChatRole.Tool ? "tool" : "user";

    private static string? Property(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out object? value) == true ? value?.ToString() : null;
}

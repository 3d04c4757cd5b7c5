using Microsoft.Extensions.AI;
using Router.Backends.Providers;
using Router.Core.Requests;
using Router.Runtime.Dispatch;

namespace Router.Runtime.Chat;

/// <summary>A conversation handed to <see cref="RoutingChatClient"/>, as the policy sees it and as the model gets it. The last
/// user message is the request's text; every other message (earlier turns, system messages, instructions) is history, so the
/// privacy scan and the token estimate cover everything that is sent.</summary>
/// <param name="Turns">What the model is sent, in order; null for a completion (the text is the code before the cursor).</param>
/// <param name="Escalate">False when a weak answer must be kept as it is (see <see cref="RoutingChatKeys.Escalate"/>).</param>
internal sealed record RoutedConversation(RouteRequest Request, IReadOnlyList<ChatTurn>? Turns, GenerationOptions Options, bool Escalate)
{
    public static RoutedConversation From(string id, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<ChatMessage> list = [.. messages];
        if (options?.Tools is { Count: > 0 })
        {
            throw new NotSupportedException("The router sends text only: tools are not passed to the models it routes to.");
        }

        if (list.SelectMany(message => message.Contents).FirstOrDefault(content => content is not TextContent and not TextReasoningContent) is { } other)
        {
            throw new NotSupportedException($"The router sends text only: a message holds {other.GetType().Name}.");
        }

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

        turns.AddRange(list.Select(message => new ChatTurn(RoleOf(message.Role), message.Text)));
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
            : new RouteRequest(id, kind) { Text = text, File = file, Language = language, History = history };
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
        return new RoutedConversation(request, kind == RequestKind.Completion ? null : turns, generation, escalate);

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
        : new ModelRequest(model) { Messages = Turns, Options = Options };

    private static string RoleOf(ChatRole role) =>
        role == ChatRole.System ? "system" : role == ChatRole.Assistant ? "assistant" : "user";

    private static string? Property(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out object? value) == true ? value?.ToString() : null;
}

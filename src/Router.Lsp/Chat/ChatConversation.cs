using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tokens;
using Router.Runtime.Sessions;

namespace Router.Lsp.Chat;

/// <summary>The earlier turns a chat sends to the model, so a follow-up ("and why is that slower?") is understood: the
/// session's explain and chat turns with their answers, newest first, until the token budget is spent; older ones are
/// dropped. Privacy is judged on exactly what is sent: the sent turns' text is the request's history text (scanned by the
/// policy), and a sent turn whose own request was private makes this request local-only too.</summary>
/// <param name="History">Every session turn for the policy, oldest first: tiers and ages for continuity, unchanged; text only
/// for the turns sent, so the privacy scan and the token estimate cover what goes to the model and nothing else.</param>
/// <param name="Sent">The turns sent, oldest first.</param>
internal sealed record ChatConversation(IReadOnlyList<HistoryTurn> History, IReadOnlyList<SessionTurn> Sent)
{
    /// <summary>At most this many tokens of earlier turns go with a chat, however large the tier's context.</summary>
    public const int MostHistoryTokens = 4096;

    /// <summary>The system instruction of a chat, the same with or without history.</summary>
    public const string SystemInstruction = "You are a concise, precise programming assistant.";

    private const string PrivateReason = "private: an earlier turn sent as history was private";

    /// <summary>True when a turn sent along was private when it was asked.</summary>
    public bool SendsPrivateTurn => Sent.Any(turn => turn.Private);

    /// <summary>Chooses the turns to send with a chat whose own text counts <paramref name="textTokens"/>: within
    /// <see cref="MostHistoryTokens"/> and within what the chat tier's context leaves after the prompt and the answer's reserve,
    /// so history alone never moves a chat to a bigger tier.</summary>
    public static ChatConversation Select(IReadOnlyList<SessionTurn> turns, RouterConfig config, int textTokens, TokenCounter tokens)
    {
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tokens);
        int context = config.Tiers.TryGetValue(config.Routes.Chat, out TierConfig? chat) ? chat.ContextTokens : 0;
        int budget = Math.Min(MostHistoryTokens, context - config.Budget.OutputReserveTokens - textTokens);
        bool[] sent = new bool[turns.Count];
        for (int i = turns.Count - 1; i >= 0 && budget > 0; i--)
        {
            if (!IsConversation(turns[i]))
            {
                continue;
            }

            // The oldest turns go first; a turn that does not fit ends the history, so what is sent has no gaps.
            int cost = tokens.Count(UserText(turns[i])) + tokens.Count(turns[i].Answer!);
            if (cost > budget)
            {
                break;
            }

            budget -= cost;
            sent[i] = true;
        }

        HistoryTurn[] history = new HistoryTurn[turns.Count];
        List<SessionTurn> chosen = [];
        for (int i = 0; i < turns.Count; i++)
        {
            SessionTurn turn = turns[i];
            history[i] = new HistoryTurn(turn.Kind, sent[i] ? UserText(turn) + "\n\n" + turn.Answer : null, turn.Tier, turn.MinutesAgo);
            if (sent[i])
            {
                chosen.Add(turn);
            }
        }

        return new ChatConversation(history, chosen);
    }

    /// <summary>The policy's decision, made local-only when a private turn is sent along (the scan of the sent text finds a
    /// secret again by itself; this covers turns private for their file's path or a local-only workspace at the time).</summary>
    public RouteDecision Decide(RoutePolicy policy, RouteRequest request, double spentTodayUsd)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RouteDecision decision = policy.Decide(request, spentTodayUsd);
        if (decision.LocalOnly || !SendsPrivateTurn)
        {
            return decision;
        }

        RouterConfig local = policy.Config with { Privacy = policy.Config.Privacy with { Mode = PrivacyMode.LocalOnly } };
        RouteDecision kept = new RoutePolicy(local, overrides: policy.Overrides).Decide(request, spentTodayUsd);
        return kept with { Reasons = [.. kept.Reasons.Select(reason => reason.StartsWith("private:", StringComparison.Ordinal) ? PrivateReason : reason)] };
    }

    /// <summary>The chat's messages: the instruction, each sent turn as a user and an assistant message, then the new prompt.</summary>
    public ModelRequest BuildModelRequest(string model, string prompt)
    {
        List<ChatTurn> messages = [new ChatTurn("system", SystemInstruction)];
        foreach (SessionTurn turn in Sent)
        {
            messages.Add(new ChatTurn("user", UserText(turn)));
            messages.Add(new ChatTurn("assistant", turn.Answer!));
        }

        messages.Add(new ChatTurn("user", prompt));
        return new ModelRequest(model) { Messages = messages };
    }

    private static bool IsConversation(SessionTurn turn) =>
        turn.Kind is RequestKind.Chat or RequestKind.Explain && !string.IsNullOrWhiteSpace(turn.Answer) && !string.IsNullOrWhiteSpace(turn.Prompt);

    // An explain turn recorded the selected code; the model is told what was asked of it.
    private static string UserText(SessionTurn turn) =>
        turn.Kind == RequestKind.Explain ? $"Explain this code:\n\n```\n{turn.Prompt}\n```" : turn.Prompt!;
}

using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime.Budget;

namespace Router.Runtime.Chat;

/// <summary>A conversation <see cref="RoutingChatClient"/> has routed but not yet sent: the policy's decision, to check before
/// any host is asked. A caller with keys of its own (the gateway) sets <see cref="Key"/> and <see cref="BudgetScope"/> with
/// <c>with</c> before sending it.</summary>
public sealed record RoutedChat
{
    internal RoutedChat(string id, RouterConfig config, RoutedConversation conversation, RouteDecision decision)
    {
        Id = id;
        Config = config;
        Conversation = conversation;
        Decision = decision;
    }

    /// <summary>The response id its answer carries.</summary>
    public string Id { get; }

    /// <summary>The configuration the decision was made with.</summary>
    public RouterConfig Config { get; }

    public RouteDecision Decision { get; }

    /// <summary>The name of the key the request came with, booked on its ledger row; null for none.</summary>
    public string? Key { get; init; }

    /// <summary>A budget of the caller's that the request's cloud spend also counts against (a key's daily budget).</summary>
    public BudgetScope? BudgetScope { get; init; }

    /// <summary>The tiers the caller may be answered by, fallbacks and escalations included; null allows every tier.</summary>
    public IReadOnlySet<Tier>? AllowedTiers { get; init; }

    /// <summary>Whether a stream lost after its first text goes on on the next host; see <see cref="Dispatch.DispatchRequest.RetriesAfterText"/>.</summary>
    public bool RetriesAfterText { get; init; } = true;

    internal RoutedConversation Conversation { get; }
}

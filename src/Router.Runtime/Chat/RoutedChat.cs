using Router.Core.Configuration;
using Router.Core.Policy;

namespace Router.Runtime.Chat;

/// <summary>A conversation <see cref="RoutingChatClient"/> has routed but not yet sent: the policy's decision, to check before
/// any host is asked.</summary>
public sealed class RoutedChat
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

    internal RoutedConversation Conversation { get; }
}

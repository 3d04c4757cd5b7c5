using Router.Core.Policy;
using Router.Runtime.Dispatch;

namespace Router.Runtime.Chat;

/// <summary>The <c>RawRepresentation</c> of a <see cref="RoutingChatClient"/> response (and of its last streaming update): the
/// policy's decision and how the dispatch went.</summary>
public sealed record RoutedAnswer(RouteDecision Decision, DispatchResult Result);

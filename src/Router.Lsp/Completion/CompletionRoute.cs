using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;

namespace Router.Lsp.Completion;

/// <summary>Where one completion goes: the request as the policy saw it, its decision and the configuration it was made with.</summary>
internal sealed record CompletionRoute(RouteRequest Request, RouteDecision Decision, RouterConfig Config);

using Router.Backends.Providers;
using Router.Core.Policy;

namespace Router.Lsp.Completion;

/// <summary>Where one completion goes: the policy's decision and the provider of its endpoint.</summary>
internal sealed record CompletionRoute(RouteDecision Decision, IModelProvider Provider);

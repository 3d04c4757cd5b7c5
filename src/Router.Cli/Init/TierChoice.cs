using Router.Core.Requests;

namespace Router.Cli.Init;

/// <summary>The model `router init` gives a tier, the hosts that have it, and why.</summary>
/// <param name="Present">A host has the model now; false when nothing suitable was found and the tier names the model to pull.</param>
/// <param name="Suitable">The model is what the tier wants; false for a stand-in that keeps the tier working until a better one is pulled.</param>
/// <param name="Why">One line for the comment above the tier.</param>
internal sealed record TierChoice(Tier Tier, HostModel Model, IReadOnlyList<string> Hosts, int ContextTokens, bool Present, bool Suitable, string Why);

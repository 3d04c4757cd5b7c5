using Router.Core.Requests;

namespace Router.Runtime.Sessions;

/// <summary>An earlier turn of the session with what the user got back, for a conversation that continues.</summary>
/// <param name="Prompt">What the user asked (the prompt, or the selected code for explain).</param>
/// <param name="Answer">The answer the user got; null when none was recorded.</param>
/// <param name="Tier">The tier that answered.</param>
/// <param name="Private">True when the turn's request was private (a secret, a private path, or a local-only workspace):
/// its text must not reach a cloud model later either.</param>
public sealed record SessionTurn(RequestKind Kind, string? Prompt, string? Answer, Tier Tier, bool Private, double MinutesAgo);

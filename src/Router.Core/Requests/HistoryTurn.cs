namespace Router.Core.Requests;

/// <summary>An earlier turn of the same session: what it was, which tier answered it and how long ago.</summary>
/// <param name="Tier">The tier that served it; null when unknown (the policy then judges its text).</param>
/// <param name="MinutesAgo">Age of the turn; null when unknown (treated as recent).</param>
public sealed record HistoryTurn(RequestKind Kind, string? Text, Tier? Tier, double? MinutesAgo);

using Router.Core.Requests;

namespace Router.Runtime.Sessions;

/// <summary>One finished turn as <see cref="SessionHistory"/> stores it: the time it ended, not its age.</summary>
internal sealed record RecordedTurn(RequestKind Kind, string? Text, Tier Tier, DateTimeOffset At, string? Answer, bool Private);

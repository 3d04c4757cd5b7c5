using Router.Core.Requests;

namespace Router.Core.Configuration;

/// <summary>The tier each request kind starts from; <see cref="Chat"/> is where a chat with no content signal goes.</summary>
public sealed record RouteTable(Tier Completion, Tier Explain, Tier Refactor, Tier RefactorWide, Tier Chat);

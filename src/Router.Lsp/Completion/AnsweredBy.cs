using Router.Core.Requests;

namespace Router.Lsp.Completion;

/// <summary>The tier, model and host of the attempt under way or that answered, which may differ from the decision after a fallback.</summary>
internal sealed record AnsweredBy(Tier Tier, string Model, string Endpoint);

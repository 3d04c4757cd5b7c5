namespace Router.Lsp.Contracts;

/// <summary>Result of <c>router.whyThisModel</c>: the last decisions, newest first.</summary>
public sealed record RouterDecisionsResult(IReadOnlyList<RouterDecisionInfo> Decisions);

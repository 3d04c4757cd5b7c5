namespace Router.Lsp.Contracts;

/// <summary>Result of <c>router.explain</c> and <c>router.ask</c>: the id the answer's <c>router/answer</c> notifications carry.</summary>
public sealed record RouterAnswerStarted(string Id);

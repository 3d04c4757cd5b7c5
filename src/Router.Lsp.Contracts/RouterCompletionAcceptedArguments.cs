namespace Router.Lsp.Contracts;

/// <summary>Argument of <c>router.completionAccepted</c>, the command an inline completion item carries and the editor runs
/// when the user accepts it.</summary>
/// <param name="RequestId">The completion request the item came from, as the usage ledger names it.</param>
/// <param name="Characters">Characters the user took: the item's length, or fewer for a client that reports a partial accept.</param>
public sealed record RouterCompletionAcceptedArguments(string RequestId, int? Characters = null);

using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Contracts;

/// <summary>Argument of <c>router.explain</c> and <c>router.refactor</c>, and the data of Router's lazy code actions:
/// a document range and, for a refactor, what to do with it.</summary>
/// <param name="Apply">For <c>router.refactor</c>: the server applies the edit itself with <c>workspace/applyEdit</c>
/// (the command of a refactor code action, for clients that cannot resolve one lazily).</param>
public sealed record RouterSelectionArguments(string Uri, Range Range, string? Instruction = null, bool? Apply = null);

namespace Router.Protocol.Lsp;

/// <summary>Argument of <c>router.explain</c> and <c>router.refactor</c>, and the data of Router's lazy code actions:
/// a document range and, for a refactor, what to do with it.</summary>
public sealed record RouterSelectionArguments(string Uri, Range Range, string? Instruction = null);

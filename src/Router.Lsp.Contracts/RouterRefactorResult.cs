using Router.Protocol.Lsp;

namespace Router.Lsp.Contracts;

/// <summary>Result of <c>router.refactor</c>: the edit to review and apply, or a message saying why there is none.</summary>
public sealed record RouterRefactorResult(WorkspaceEdit? Edit = null, string? Message = null);

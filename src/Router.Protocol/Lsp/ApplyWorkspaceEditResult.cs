namespace Router.Protocol.Lsp;

/// <summary>The client's answer to <c>workspace/applyEdit</c>.</summary>
public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null);

namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>window/workDoneProgress/cancel</c>: the user cancelled the work behind the token.</summary>
public sealed record WorkDoneProgressCancelParams(ProgressToken Token);

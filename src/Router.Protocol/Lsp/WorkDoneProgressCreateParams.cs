namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>window/workDoneProgress/create</c>.</summary>
public sealed record WorkDoneProgressCreateParams(ProgressToken Token);

namespace Router.Protocol.Lsp;

/// <summary>Window client capabilities (only what this server reads).</summary>
public sealed record WindowClientCapabilities(bool? WorkDoneProgress = null);

namespace Router.Protocol.Lsp;

/// <summary>General client capabilities (only what this server reads).</summary>
public sealed record GeneralClientCapabilities(IReadOnlyList<string>? PositionEncodings = null);

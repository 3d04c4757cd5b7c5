namespace Router.Protocol.Lsp;

/// <summary>The shapes of <see cref="Lsp.WorkspaceEdit"/> a client takes.</summary>
/// <param name="DocumentChanges">Versioned <c>documentChanges</c> rather than only the plain <c>changes</c> map.</param>
/// <param name="ResourceOperations">File operations it performs within <c>documentChanges</c> (<c>"create"</c>…).</param>
public sealed record WorkspaceEditClientCapabilities(bool? DocumentChanges = null, IReadOnlyList<string>? ResourceOperations = null);

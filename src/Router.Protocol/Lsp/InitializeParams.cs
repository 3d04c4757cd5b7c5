using System.Text.Json;

namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>initialize</c>.</summary>
public sealed record InitializeParams
{
    public int? ProcessId { get; init; }

    public ClientInfo? ClientInfo { get; init; }

    public string? RootUri { get; init; }

    public ClientCapabilities Capabilities { get; init; } = new();

    public JsonElement? InitializationOptions { get; init; }

    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
}

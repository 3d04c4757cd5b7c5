namespace Router.Protocol.Lsp;

/// <summary>Creates a file (<c>"kind": "create"</c>); the editor refuses it when the file exists unless the options say otherwise.</summary>
public sealed record CreateFile(string Uri, CreateFileOptions? Options = null) : DocumentChange
{
    public const string KindName = "create";

    public string Kind { get; init; } = KindName;
}

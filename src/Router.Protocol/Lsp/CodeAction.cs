using System.Text.Json;

namespace Router.Protocol.Lsp;

/// <summary>An action offered for a range. Router's actions come without an edit and carry <see cref="Data"/>,
/// so the model is asked only when the user picks one (<c>codeAction/resolve</c>).</summary>
public sealed record CodeAction(string Title)
{
    public string? Kind { get; init; }

    public bool? IsPreferred { get; init; }

    public WorkspaceEdit? Edit { get; init; }

    public Command? Command { get; init; }

    /// <summary>Set when the action cannot be applied; the editor shows the reason.</summary>
    public CodeActionDisabled? Disabled { get; init; }

    public JsonElement? Data { get; init; }
}

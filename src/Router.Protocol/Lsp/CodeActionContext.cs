using System.Text.Json;

namespace Router.Protocol.Lsp;

/// <summary>What the editor knows around a code-action request; diagnostics are kept raw (this server reads none of their fields).</summary>
/// <param name="Only">Kinds the client asked for; null means any.</param>
public sealed record CodeActionContext(IReadOnlyList<JsonElement> Diagnostics, IReadOnlyList<string>? Only = null, int? TriggerKind = null);

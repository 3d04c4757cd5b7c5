using System.Text.Json.Serialization;

namespace Router.Protocol.Lsp;

/// <summary>A document and the version an edit was made for; null when the edit is not tied to a version.</summary>
public sealed record OptionalVersionedTextDocumentIdentifier(string Uri, int? Version)
{
    /// <summary>The protocol wants the property present even when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Version { get; init; } = Version;
}

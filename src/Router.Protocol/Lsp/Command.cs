using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Protocol.Lsp;

/// <summary>A command the editor shows and runs through <c>workspace/executeCommand</c>.</summary>
/// <param name="CommandName">The command's identifier, "command" on the wire (C# won't let record Command have a member named Command).</param>
public sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandName, IReadOnlyList<JsonElement>? Arguments = null);

using System.Text.Json;

namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>workspace/executeCommand</c>; a work-done token, when given, receives the answer as <c>$/progress</c>.</summary>
public sealed record ExecuteCommandParams(string Command, IReadOnlyList<JsonElement>? Arguments = null, JsonElement? WorkDoneToken = null);

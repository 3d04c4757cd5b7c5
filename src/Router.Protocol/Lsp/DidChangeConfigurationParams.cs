using System.Text.Json;

namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>workspace/didChangeConfiguration</c>.</summary>
public sealed record DidChangeConfigurationParams(JsonElement? Settings = null);

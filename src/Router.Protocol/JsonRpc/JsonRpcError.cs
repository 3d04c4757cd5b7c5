using System.Text.Json;

namespace Router.Protocol.JsonRpc;

/// <summary>The error object of a JSON-RPC response.</summary>
public sealed record JsonRpcError(int Code, string Message, JsonElement? Data = null);

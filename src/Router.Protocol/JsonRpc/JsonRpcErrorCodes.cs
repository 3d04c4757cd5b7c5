namespace Router.Protocol.JsonRpc;

/// <summary>Error codes from JSON-RPC 2.0 and the LSP base protocol.</summary>
public static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;

    /// <summary>The client cancelled the request (<c>$/cancelRequest</c>).</summary>
    public const int RequestCancelled = -32800;

    /// <summary>The document changed under the request, so its result would no longer fit.</summary>
    public const int ContentModified = -32801;

    /// <summary>The server gave the request up on its own (e.g. a newer request replaced it).</summary>
    public const int ServerCancelled = -32802;
}

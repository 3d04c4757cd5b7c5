namespace Router.Protocol.JsonRpc;

/// <summary>A JSON-RPC error: thrown by a handler to answer with a specific code, or by
/// <see cref="JsonRpcConnection.SendRequestAsync{TParams, TResult}"/> when the peer answered with an error.</summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException()
        : this(JsonRpcErrorCodes.InternalError, "Internal error")
    {
    }

    public JsonRpcException(string message)
        : this(JsonRpcErrorCodes.InternalError, message)
    {
    }

    public JsonRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = JsonRpcErrorCodes.InternalError;
    }

    public JsonRpcException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    public int Code { get; }
}

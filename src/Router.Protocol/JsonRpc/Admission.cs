namespace Router.Protocol.JsonRpc;

/// <summary>Whether an incoming message may be dispatched; a refused request is answered with <see cref="Error"/>,
/// a refused notification is dropped.</summary>
public readonly record struct Admission(bool Accepted, JsonRpcError? Error)
{
    public static Admission Accept { get; } = new(true, null);

    public static Admission Refuse(int code, string message) => new(false, new JsonRpcError(code, message));
}

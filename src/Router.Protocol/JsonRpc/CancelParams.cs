namespace Router.Protocol.JsonRpc;

/// <summary>Parameters of <c>$/cancelRequest</c>.</summary>
public sealed record CancelParams(RequestId Id);

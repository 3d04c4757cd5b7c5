using System.Text.Json;

namespace Router.Protocol.JsonRpc;

/// <summary>A request or notification waiting in the dispatch queue; requests carry their cancellation source.</summary>
internal sealed record IncomingCall(string Method, RequestId? Id, JsonElement? Params, CancellationTokenSource? Cancellation)
{
    public bool IsRequest => Id is not null;
}

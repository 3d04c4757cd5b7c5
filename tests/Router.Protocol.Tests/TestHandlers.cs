using Router.Protocol;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Protocol.Tests;

/// <summary>The methods the protocol tests call on a server connection.</summary>
internal static class TestHandlers
{
    public static void Register(JsonRpcConnection server, RawServer? owner = null)
    {
        LspJsonContext json = LspJsonContext.Default;
        server.AddRequestHandler("test/echo", json.Position, json.Position, (position, _) => ValueTask.FromResult(position));
        server.AddRequestHandler<Position, Position>("test/fail", json.Position, json.Position, (_, _) => throw new InvalidOperationException("boom"));
        server.AddRequestHandler<Position, Position>(
            "test/modified",
            json.Position,
            json.Position,
            (_, _) => throw new JsonRpcException(JsonRpcErrorCodes.ContentModified, "The document changed."));
        server.AddRequestHandler("test/wait", json.Position, json.Position, async (position, cancellationToken) =>
        {
            owner?.WaitStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return position;
        });
    }
}

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
        server.AddRequestHandler<Position, Position>(
            "test/abandon",
            json.Position,
            json.Position,
            (_, _) => throw new OperationCanceledException("The server gave up on its own."));

        // Asks the client in turn and reports what the client's answer was, so a test can see how a reply was read.
        server.AddRequestHandler("test/relay", json.Position, json.Position, async (position, cancellationToken) =>
        {
            try
            {
                return await server.SendRequestAsync("client/position", position, json.Position, json.Position, cancellationToken);
            }
            catch (JsonRpcException e)
            {
                throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, $"client answered {e.Code}: {e.Message}");
            }
        });
        server.AddRequestHandler("test/wait", json.Position, json.Position, async (position, cancellationToken) =>
        {
            owner?.WaitStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return position;
        });
    }
}

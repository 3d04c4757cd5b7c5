using System.IO.Pipelines;
using Router.Protocol.JsonRpc;

namespace Router.Protocol.Tests;

/// <summary>Two real connections joined by in-memory pipes: a server and a client.</summary>
internal sealed class ConnectedPair : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));
    private Task? _serverRun;
    private Task? _clientRun;

    public ConnectedPair()
    {
        Pipe toServer = new();
        Pipe toClient = new();
        Server = new JsonRpcConnection(toServer.Reader, toClient.Writer);
        Client = new JsonRpcConnection(toClient.Reader, toServer.Writer);
    }

    public JsonRpcConnection Server { get; }

    public JsonRpcConnection Client { get; }

    public CancellationToken Timeout => _timeout.Token;

    public Task ServerRun => _serverRun ?? Task.CompletedTask;

    /// <summary>Starts both sides; register handlers before.</summary>
    public void Start()
    {
        _serverRun = Server.RunAsync(CancellationToken.None);
        _clientRun = Client.RunAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Stop();
        Server.Stop();
        await Task.WhenAll(_serverRun ?? Task.CompletedTask, _clientRun ?? Task.CompletedTask).WaitAsync(Timeout);
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        _timeout.Dispose();
    }
}

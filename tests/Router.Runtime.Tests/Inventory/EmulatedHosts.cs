using System.Net;
using System.Net.Sockets;
using Router.Core.Configuration;
using Router.Emulator;
using Router.Runtime.Inventory;

namespace Router.Runtime.Tests.Inventory;

/// <summary>An emulated host on loopback seen as an Ollama endpoint and as an OpenAI-compatible one, with counts of what it was asked.</summary>
internal sealed class EmulatedHosts : IAsyncDisposable
{
    private EmulatedHosts(EmulatorServer emulator)
    {
        Emulator = emulator;
        Ollama = new EndpointConfig("box", ProviderKind.Ollama, emulator.BaseAddress, ApiKeyEnv: null, Cloud: false);
        OpenAi = new EndpointConfig("vllm", ProviderKind.OpenAi, new Uri(emulator.BaseAddress, "v1"), ApiKeyEnv: null, Cloud: false);
    }

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(20);

    public EmulatorServer Emulator { get; }
    public EndpointConfig Ollama { get; }
    public EndpointConfig OpenAi { get; }

    public static async Task<EmulatedHosts> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync(options ?? new EmulatorOptions { TimeScale = 0 }, CancellationToken.None));

    /// <summary>Inventory options whose probe timeout a busy test machine never reaches (a fresh host's first answer pays for JIT).</summary>
    // A busy machine can be slow to accept even on loopback; tests of a dead host use a closed port, refused at once.
    public static HostInventoryOptions Patient() => new() { ProbeTimeout = Patience, ConnectTimeout = Patience };

    public static CancellationToken Deadline() => new CancellationTokenSource(Patience).Token;

    /// <summary>An Ollama endpoint on a loopback port nothing listens on: connections are refused at once.</summary>
    public static EndpointConfig ClosedPort(string name = "dead")
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new EndpointConfig(name, ProviderKind.Ollama, new Uri($"http://127.0.0.1:{port}/"), ApiKeyEnv: null, Cloud: false);
    }

    /// <summary>How many requests reached <paramref name="path"/>, e.g. "/api/tags".</summary>
    public int Count(string path) => Emulator.Requests.Count(r => r.Endpoint == path);

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}

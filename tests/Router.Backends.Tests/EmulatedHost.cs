using Router.Backends.Ollama;
using Router.Emulator;

namespace Router.Backends.Tests;

/// <summary>An emulated Ollama host on loopback and a client pointed at it; disposed together.</summary>
internal sealed class EmulatedHost : IAsyncDisposable
{
    private EmulatedHost(EmulatorServer emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
        Client = new OllamaClient(emulator.BaseAddress, http);
    }

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(20);

    public EmulatorServer Emulator { get; }
    public HttpClient Http { get; }
    public OllamaClient Client { get; }

    public static async Task<EmulatedHost> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = await EmulatorServer.StartAsync(options ?? new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        return new EmulatedHost(emulator, OllamaClient.CreateHttpClient());
    }

    public static CancellationToken Deadline() => new CancellationTokenSource(Patience).Token;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

using Router.Backends.Ollama;
using Router.Backends.Providers;
using Router.Emulator;

namespace Router.Backends.Tests;

/// <summary>An emulated Ollama host on loopback and a provider pointed at it; disposed together.</summary>
internal sealed class EmulatedHost : IAsyncDisposable
{
    private EmulatedHost(EmulatorServer emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
        Provider = new OllamaProvider("emulated", emulator.BaseAddress, http);
    }

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(20);

    public EmulatorServer Emulator { get; }
    public HttpClient Http { get; }
    public OllamaProvider Provider { get; }

    public static async Task<EmulatedHost> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = await EmulatorServer.StartAsync(options ?? new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        return new EmulatedHost(emulator, ProviderHttpClient.Create());
    }

    public static CancellationToken Deadline() => new CancellationTokenSource(Patience).Token;

    public async ValueTask DisposeAsync()
    {
        Provider.Dispose();
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

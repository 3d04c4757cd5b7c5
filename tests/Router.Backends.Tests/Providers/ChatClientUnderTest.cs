using Microsoft.Extensions.AI;
using Router.Backends.Anthropic;
using Router.Backends.OpenAi;
using Router.Backends.Providers;
using Router.Emulator;

namespace Router.Backends.Tests.Providers;

/// <summary>A provider's <see cref="IChatClient"/> ("openai" or "anthropic") with its own HTTP client over a
/// <see cref="RecordingHandler"/>, pointed at an emulator it owns (or at an address given); disposed together.</summary>
internal sealed class ChatClientUnderTest : IAsyncDisposable
{
    private readonly IDisposable _provider;

    private ChatClientUnderTest(EmulatorServer? host, RecordingHandler wire, IChatClient chat, IDisposable provider)
    {
        Host = host;
        Wire = wire;
        Chat = chat;
        _provider = provider;
    }

    /// <summary>The emulator; null when the client points at a given address.</summary>
    public EmulatorServer? Host { get; }
    public RecordingHandler Wire { get; }
    public IChatClient Chat { get; }

    public static async Task<ChatClientUnderTest> StartAsync(string api)
    {
        EmulatorServer host = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        return For(api, host.BaseAddress, host);
    }

    public static ChatClientUnderTest For(string api, Uri baseAddress, EmulatorServer? host = null)
    {
        RecordingHandler wire = new();
        HttpClient http = new(wire, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        if (api == "openai")
        {
            OpenAiProvider openAi = new("emulated-openai", new Uri(baseAddress, "v1"), ApiKeySource.None, http);
            return new ChatClientUnderTest(host, wire, openAi.ChatClient, openAi);
        }

        AnthropicProvider anthropic = new("emulated-anthropic", baseAddress, ApiKeySource.None, http);
        return new ChatClientUnderTest(host, wire, anthropic.ChatClient, anthropic);
    }

    public async ValueTask DisposeAsync()
    {
        _provider.Dispose();
        Wire.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

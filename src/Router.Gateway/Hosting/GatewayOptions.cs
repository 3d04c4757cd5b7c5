using Router.Gateway.Keys;

namespace Router.Gateway.Hosting;

/// <summary>How <c>router serve</c> listens and what it takes: the address, the keys, and the limits on each request.</summary>
public sealed record GatewayOptions
{
    public ListenAddress Listen { get; init; } = new(System.Net.IPAddress.Loopback, 4000);

    /// <summary>The keys clients must present; null serves without keys (loopback only).</summary>
    public GatewayKeyRing? Keys { get; init; }

    /// <summary>Largest request body; a larger one is answered 413.</summary>
    public long MaxBodyBytes { get; init; } = 8 << 20;

    /// <summary>Largest total size of a request's headers (Kestrel answers 431 past it).</summary>
    public int MaxHeaderBytes { get; init; } = 32 << 10;

    /// <summary>Time a client has to send its headers.</summary>
    public TimeSpan HeadersTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest one request may take, answer included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A client sending its body slower than this many bytes a second (after a grace of 5 s) is cut off.</summary>
    public double MinBodyBytesPerSecond { get; init; } = 240;

    /// <summary>Refuses settings that would expose the router: any address but loopback needs keys.</summary>
    public void Validate()
    {
        if (!Listen.IsLoopback && (Keys is null || Keys.Count == 0))
        {
            throw new InvalidOperationException(
                $"refusing to listen on {Listen} without keys: any address but loopback lets other machines use your models and cloud budget. " +
                "Give --keys FILE (see docs/gateway.md), or listen on 127.0.0.1.");
        }

        if (MaxBodyBytes <= 0 || MaxHeaderBytes <= 0 || RequestTimeout <= TimeSpan.Zero || HeadersTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("gateway limits must be positive");
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Router.Emulator;

/// <summary>A running emulated Ollama host on 127.0.0.1: real HTTP, Ollama's JSON shapes, fault switches and a request log.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly ModelCatalog catalog;
    private readonly ModelResidency residency;
    private readonly RequestLog log;
    private readonly FaultBoard faults = new();
    private readonly MovableClock clock;
    private readonly EmulatorOptions running;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim lifecycle = new(1, 1);
    private WebApplication? app;
    private int port;
    private bool disposed;

    private EmulatorServer(EmulatorOptions options)
    {
        Options = options;
        clock = new MovableClock(options.Clock);
        running = options with { Clock = clock };
        catalog = new ModelCatalog(options.Models);
        residency = new ModelResidency(running);
        log = new RequestLog(clock);
        port = options.Port;
    }

    public EmulatorOptions Options { get; }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{port}/");

    /// <summary>Every request asked so far, oldest first.</summary>
    public IReadOnlyList<EmulatorRequestRecord> Requests => log.Snapshot();

    /// <summary>Names of the models loaded now, most recently used first (keep_alive expiry applied).</summary>
    public IReadOnlyList<string> LoadedModels => residency.Snapshot().Select(m => m.Profile.Name).ToList();

    /// <summary>Starts listening; the options are validated first.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var server = new EmulatorServer(options);
        try
        {
            await server.ListenAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sets the fault switches for every model (model null) or for one model.</summary>
    public void SetFaults(EmulatorFaultSet faults, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(faults);
        this.faults.Set(faults, model);
    }

    public void ClearFaults() => faults.Clear();

    public void ClearRequests() => log.Clear();

    /// <summary>Moves the host's clock on (keep_alive expiry, timestamps), as a replayed day's idle time passes without being
    /// waited for; delays already running are not shortened.</summary>
    public void AdvanceClock(TimeSpan by) => clock.Advance(by);

    /// <summary>Waits until a request record matches (re-checked on every change of the log).</summary>
    public Task<EmulatorRequestRecord> WaitForRequestAsync(Func<EmulatorRequestRecord, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return log.WaitForAsync(predicate, cancellationToken);
    }

    /// <summary>Closes the listening socket so connections are refused, as when the host is off; state is kept.</summary>
    public async Task StopListeningAsync(CancellationToken cancellationToken)
    {
        await lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (app is not null)
            {
                await app.StopAsync(cancellationToken);
                await app.DisposeAsync();
                app = null;
            }
        }
        finally
        {
            lifecycle.Release();
        }
    }

    /// <summary>Listens again on the same port after <see cref="StopListeningAsync"/>.</summary>
    public async Task ResumeListeningAsync(CancellationToken cancellationToken)
    {
        await lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (app is null)
            {
                await StartAppAsync(cancellationToken);
            }
        }
        finally
        {
            lifecycle.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // Release stalled streams first so Kestrel's graceful stop does not wait on them.
        await stopping.CancelAsync();
        await lifecycle.WaitAsync();
        try
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
                app = null;
            }
        }
        finally
        {
            lifecycle.Release();
        }

        stopping.Dispose();
        lifecycle.Dispose();
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        await lifecycle.WaitAsync(cancellationToken);
        try
        {
            await StartAppAsync(cancellationToken);
        }
        finally
        {
            lifecycle.Release();
        }
    }

    private async Task StartAppAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        var started = builder.Build();
        var api = new OllamaApi(running, catalog, residency, log, faults, clock, stopping.Token);
        started.Run(api.HandleAsync);
        try
        {
            await started.StartAsync(cancellationToken);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        var address = started.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        port = new Uri(address).Port;
        app = started;
    }
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Router.Emulator;

/// <summary>A stand-in host on 127.0.0.1 that answers every request with one fixed status and body: a proxy's error page, a
/// gateway that echoes the token it refused. For tests of what the router shows of a host's error.</summary>
public sealed class FixedReplyHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _answered;

    private FixedReplyHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How many requests it has answered.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public static async Task<FixedReplyHost> StartAsync(int status, string body, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        var app = builder.Build();
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        FixedReplyHost? host = null;
        app.Run(async http =>
        {
            if (host is not null)
            {
                Interlocked.Increment(ref host._answered);
            }

            http.Response.StatusCode = status;
            http.Response.ContentType = contentType;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host = new FixedReplyHost(app, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

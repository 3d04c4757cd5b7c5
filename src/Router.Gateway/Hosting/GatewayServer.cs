using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Router.Core.Configuration;
using Router.Gateway.Wire;
using Router.Runtime;

namespace Router.Gateway.Hosting;

/// <summary><c>router serve</c>'s HTTP server: Kestrel on one address, every route registered here, top to bottom. It holds
/// no routing of its own: each answer comes from the runtime it is given, as the language server's do.</summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, with the port it really got ("http://127.0.0.1:4000/").</summary>
    public Uri BaseAddress { get; }

    /// <summary>Cancelled when the process is asked to stop (Ctrl+C, SIGTERM): the host's console lifetime takes those signals.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <param name="runtime">The router's runtime (health, inventory, ledger, dispatcher); the caller owns it.</param>
    /// <param name="config">The configuration in force, read at each request.</param>
    /// <exception cref="InvalidOperationException">The options are refused (a non-loopback address without keys).</exception>
    public static async Task<GatewayServer> StartAsync(
        GatewayOptions options, RouterRuntime runtime, Func<RouterConfig> config, ILoggerFactory logs, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(logs);
        options.Validate();

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "router-serve" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(new IPEndPoint(options.Listen.Address, options.Listen.Port));
            KestrelServerLimits limits = kestrel.Limits;
            limits.MaxRequestBodySize = options.MaxBodyBytes;
            limits.MaxRequestHeadersTotalSize = options.MaxHeaderBytes;
            limits.MaxRequestLineSize = Math.Min(options.MaxHeaderBytes, 16 << 10);
            limits.RequestHeadersTimeout = options.HeadersTimeout;
            limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            limits.MinRequestBodyDataRate = new MinDataRate(options.MinBodyBytesPerSecond, TimeSpan.FromSeconds(5));
        });

        WebApplication app = builder.Build();
        GatewayContext context = new(runtime, config, options, logs.CreateLogger("gateway"), TimeProvider.System) { Version = version };
        GatewayExchange exchange = new(context);
        ApiDialect openAiChat = new OpenAiChatDialect();
        ApiDialect openAiCompletion = new OpenAiCompletionDialect();
        ApiDialect anthropic = new AnthropicMessagesDialect();
        ApiDialect ollamaChat = new OllamaChatDialect();
        ApiDialect ollamaGenerate = new OllamaGenerateDialect();

        // OpenAI
        app.MapPost("/v1/chat/completions", http => exchange.HandleAsync(http, openAiChat));
        app.MapPost("/v1/completions", http => exchange.HandleAsync(http, openAiCompletion));
        app.MapGet("/v1/models", http => Guarded(http, ApiFamily.OpenAi, () => ModelListing.OpenAiModelsAsync(http, context, null)));
        app.MapGet("/v1/models/{**id}", (HttpContext http, string id) => Guarded(http, ApiFamily.OpenAi, () => ModelListing.OpenAiModelsAsync(http, context, id)));

        // Anthropic
        app.MapPost("/v1/messages", http => exchange.HandleAsync(http, anthropic));

        // Ollama
        app.MapPost("/api/chat", http => exchange.HandleAsync(http, ollamaChat));
        app.MapPost("/api/generate", http => exchange.HandleAsync(http, ollamaGenerate));
        app.MapGet("/api/tags", http => Guarded(http, ApiFamily.Ollama, () => ModelListing.OllamaTagsAsync(http, context)));
        app.MapPost("/api/show", http => Guarded(http, ApiFamily.Ollama, () => ModelListing.OllamaShowAsync(http, context)));
        app.MapGet("/api/version", http => ModelListing.OllamaVersionAsync(http, context));
        app.MapMethods("/", ["GET", "HEAD"], http => http.Response.WriteAsync("router serve is running", http.RequestAborted));

        // Health
        app.MapGet("/health", HealthReport.LiveAsync);
        app.MapGet("/health/ready", http => HealthReport.ReadyAsync(http, context));

        app.MapFallback(http => GatewayErrors.WriteAsync(
            http,
            FamilyOf(http.Request.Path),
            new GatewayException(GatewayErrorKind.NotFound, $"no route {http.Request.Method} {http.Request.Path}")));

        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Uri baseAddress = new(address.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        GatewayLog.Started(context.Logger, baseAddress, options.Keys?.Count ?? 0);
        return new GatewayServer(app, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static async Task Guarded(HttpContext http, ApiFamily family, Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (GatewayException error)
        {
            await GatewayErrors.WriteAsync(http, family, error);
        }
    }

    private static ApiFamily FamilyOf(PathString path) =>
        path.StartsWithSegments("/api") ? ApiFamily.Ollama : ApiFamily.OpenAi;
}

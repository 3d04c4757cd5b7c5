using Microsoft.Extensions.Logging;
using Router.Core.Configuration;
using Router.Gateway.Keys;
using Router.Runtime;
using Router.Runtime.Chat;

namespace Router.Gateway.Hosting;

/// <summary>What every route of one gateway shares: the router (the same runtime, policy and ledger as the language
/// server's), the configuration in force, the keys and their rates, the limits and the log.</summary>
internal sealed class GatewayContext(RouterRuntime runtime, Func<RouterConfig> config, GatewayOptions options, ILogger logger, TimeProvider time)
{
    public RouterRuntime Runtime { get; } = runtime;

    public RoutingChatClient Router { get; } = new(runtime, config);

    public Func<RouterConfig> Config { get; } = config;

    public GatewayOptions Options { get; } = options;

    public KeyRateLimiter Rates { get; } = new(time);

    public ILogger Logger { get; } = logger;

    public TimeProvider Time { get; } = time;

    public string Version { get; init; } = "0.0.0";
}

using System.Reflection;
using Microsoft.Extensions.Logging;
using Router.Backends.Endpoints;
using Router.Core.Configuration;
using Router.Gateway.Hosting;
using Router.Gateway.Keys;
using Router.Runtime;
using Router.Runtime.Configuration;
using Router.Runtime.Dispatch;
using Router.Runtime.Inventory;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

namespace Router.Cli.Serving;

/// <summary>Runs <c>router serve</c>: the configuration (watched), the same runtime and usage ledger as <c>router lsp</c>, and
/// the gateway on its address until cancelled.</summary>
internal static class ServeRunner
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(
        ServeInvocation invocation,
        TextReader stdin,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        Func<string, string?> environment,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (invocation.HashKey)
        {
            // From standard input, so the key is in no shell history or process list.
            string? key = (await stdin.ReadLineAsync(cancellationToken))?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                await stderr.WriteLineAsync("router serve --hash-key: give the key on standard input, e.g. printf %s \"$KEY\" | router serve --hash-key".AsMemory(), cancellationToken);
                return 2;
            }

            await stdout.WriteLineAsync(KeyHash.Of(key).AsMemory(), cancellationToken);
            return 0;
        }

        if (!ListenAddress.TryParse(invocation.Listen, out ListenAddress? listen, out string listenError))
        {
            await stderr.WriteLineAsync($"router serve: --listen {listenError}".AsMemory(), cancellationToken);
            return 2;
        }

        GatewayKeyRing? keys = null;
        if (invocation.KeysPath is { } keysPath)
        {
            (keys, IReadOnlyList<ConfigDiagnostic> problems) = GatewayKeyFile.Load(Path.Combine(currentDirectory, keysPath));
            foreach (ConfigDiagnostic problem in problems)
            {
                await stderr.WriteLineAsync(problem.ToString().AsMemory(), cancellationToken);
            }

            if (keys is null)
            {
                return 2;
            }
        }

        GatewayOptions options = new() { Listen = listen!, Keys = keys };
        try
        {
            options.Validate();
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync($"router serve: {e.Message}".AsMemory(), cancellationToken);
            return 2;
        }

        using RouterConfigSource config = invocation.ConfigPath is { } path
            ? RouterConfigSource.FromFile(Path.Combine(currentDirectory, path), environment)
            : RouterConfigSource.FromWorkspace(currentDirectory, environment);
        config.Logger = logs.CreateLogger("config");
        if (config.InitialLoad is { Applied: false } failed)
        {
            foreach (ConfigDiagnostic diagnostic in failed.Diagnostics)
            {
                await stderr.WriteLineAsync(diagnostic.ToString().AsMemory(), cancellationToken);
            }

            await stderr.WriteLineAsync("router serve: the configuration has errors; fix them and start again".AsMemory(), cancellationToken);
            return 2;
        }

        using ModelProviderPool providers = new(readVariable: environment);
        IUsageLedger ledger;
        try
        {
            // The ledger router.yaml names: the team's PostgreSQL, where every gateway and editor books and shares health.
            ledger = await ConfiguredLedger.OpenAsync(config.Current.Ledger, environment, logs.CreateLogger("ledger"), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync($"router serve: {e.Message}".AsMemory(), cancellationToken);
            return 2;
        }

        await using RouterRuntime runtime = new(
            providers, new HostInventory(readVariable: environment), ledger, dispatch: new DispatchOptions { Logger = logs.CreateLogger("dispatch") });
        (ledger as PostgresUsageLedger)?.ShareHealth(runtime.Health);
        runtime.StartProbing(() => config.Current.Endpoints.Values, ProbeInterval, cancellationToken);
        GatewayServer server;
        try
        {
            server = await GatewayServer.StartAsync(options, runtime, () => config.Current, logs, Version, cancellationToken);
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"router serve: cannot listen on {listen}: {e.Message}".AsMemory(), cancellationToken);
            return 2;
        }

        await using (server)
        {
            // The one line on stdout: where to point a client (and what a script waits for).
            await stdout.WriteLineAsync($"router serve listening on {server.BaseAddress}".AsMemory(), cancellationToken);
            await stdout.FlushAsync(cancellationToken);
            using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, server.Stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;
    }

    private static string Version =>
        typeof(ServeRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

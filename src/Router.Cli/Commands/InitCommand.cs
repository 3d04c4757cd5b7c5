using System.CommandLine;
using Router.Backends.Providers;
using Router.Cli.Init;
using Router.Cli.Terminal;
using Router.Core.Configuration;

namespace Router.Cli.Commands;

/// <summary>`router init`: probes Ollama hosts, lists what they have, and writes a router.yaml that maps each tier to the best model there.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        Command command = new("init", "Probe Ollama hosts (default: localhost:11434 and $OLLAMA_HOST), list their models, and write a router.yaml that maps each tier to the best one.");
        Option<string[]> hosts = new("--host") { Description = "An Ollama host to probe, e.g. http://gpu-box:11434 (repeatable).", AllowMultipleArgumentsPerToken = false };
        Option<string> output = new("--out") { Description = "Where to write the configuration.", DefaultValueFactory = _ => "router.yaml" };
        Option<bool> force = new("--force") { Description = "Overwrite the file if it exists." };
        Option<double> timeout = ProbeTimeout.Create("Seconds one host may take to answer.", 10);
        command.Options.Add(hosts);
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(timeout);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await ProbeTimeout.ReadAsync(parseResult, timeout, "init", cancellationToken) is not { } probeTimeout)
            {
                return 2;
            }

            InitInvocation invocation = new(parseResult.GetValue(hosts) ?? [], parseResult.GetValue(output) ?? "router.yaml", parseResult.GetValue(force), probeTimeout);
            return await RunAsync(invocation, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, cancellationToken);
        });
        return command;
    }

    /// <summary>The whole command with its streams and environment passed in: 0 when the file is written, 1 when no host answered,
    /// 2 for bad arguments or a file that exists without --force.</summary>
    public static async Task<int> RunAsync(
        InitInvocation invocation,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(environment);
        stderr = RedactingWriter.Wrap(stderr);

        var urls = HostAddresses.Resolve(invocation.Hosts, environment("OLLAMA_HOST"), out string? badHost);
        if (badHost is not null)
        {
            await stderr.WriteLineAsync($"router init: {badHost}".AsMemory(), cancellationToken);
            return 2;
        }

        string path = Path.GetFullPath(Path.Combine(currentDirectory, invocation.OutPath));
        if (!invocation.Force && File.Exists(path))
        {
            await stderr.WriteLineAsync(Exists(path).AsMemory(), cancellationToken);
            return 2;
        }

        var names = HostAddresses.Names(urls);
        using HttpClient http = ProviderHttpClient.Create(invocation.Timeout);
        var surveys = await Task.WhenAll(urls.Select((url, i) => OllamaHostProbe.SurveyAsync(names[i], url, http, invocation.Timeout, cancellationToken)));
        await stdout.WriteAsync(InitReport.Hosts(surveys).AsMemory(), cancellationToken);
        if (!surveys.Any(s => s.Reachable))
        {
            await stderr.WriteLineAsync(
                $"router init: no Ollama host answered ({string.Join(", ", urls.Select(u => u.ToString()))}); start Ollama there (`ollama serve`) or name the hosts with --host. Nothing was written.".AsMemory(),
                cancellationToken);
            return 1;
        }

        var plan = TierChooser.Choose(surveys);
        string yaml = RouterYamlWriter.Write(plan);

        // The file must load as written; a diagnostic here is the tool's own fault, so nothing is written.
        var check = RouterConfigLoader.Load(yaml, Path.GetFileName(path), environment);
        if (check.Diagnostics.Count > 0)
        {
            await stderr.WriteLineAsync($"router init: the configuration it made does not load cleanly (please report this): {string.Join("; ", check.Diagnostics)}".AsMemory(), cancellationToken);
            return 1;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, invocation.Force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await using var writer = new StreamWriter(file);
            await writer.WriteAsync(yaml.AsMemory(), cancellationToken);
        }
        catch (IOException) when (!invocation.Force && File.Exists(path))
        {
            await stderr.WriteLineAsync(Exists(path).AsMemory(), cancellationToken);
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"router init: cannot write {path}: {e.Message}".AsMemory(), cancellationToken);
            return 2;
        }

        await stdout.WriteAsync(InitReport.Choices(plan).AsMemory(), cancellationToken);
        await stdout.WriteLineAsync($"\nwrote {path}; `router doctor --config {path}` checks it against the hosts".AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        return 0;
    }

    private static string Exists(string path) => $"router init: {path} exists; pass --force to overwrite it (or --out another file). Nothing was written.";
}

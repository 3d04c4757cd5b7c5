using System.CommandLine;
using System.Text;
using System.Text.Json;
using Router.Cli.ConfigShow;
using Router.Cli.Terminal;
using Router.Core.Configuration;
using Router.Runtime.Configuration;

namespace Router.Cli.Commands;

/// <summary>`router config show`: the configuration in force (the file merged with the defaults), each value with its origin.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        Command show = new("show", "Print the configuration in force, the file merged with the defaults, each value with where it came from (router.yaml:12 or default).");
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default)." };
        Option<bool> json = new("--json") { Description = "Write it as one JSON object." };
        show.Options.Add(config);
        show.Options.Add(json);
        show.SetAction(async (parseResult, cancellationToken) => await ShowAsync(
            parseResult.GetValue(config), parseResult.GetValue(json), Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, cancellationToken));
        Command command = new("config", "Inspect the router's configuration.");
        command.Subcommands.Add(show);
        return command;
    }

    /// <summary>The whole command with its streams and environment passed in: 0 when shown, 2 when the configuration is unusable.</summary>
    public static async Task<int> ShowAsync(
        string? configPath, bool json, TextWriter stdout, TextWriter stderr, string currentDirectory, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        stderr = RedactingWriter.Wrap(stderr);
        if (await RouterConfigSource.LoadReportingAsync("config show", configPath, currentDirectory, environment, stderr, cancellationToken) is not { } routerConfig)
        {
            return 2;
        }

        IReadOnlyDictionary<string, long> lines = new Dictionary<string, long>();
        string fileName = Path.GetFileName(routerConfig.Source);
        if (routerConfig.Source != RouterConfig.Default.Source)
        {
            // The loader has accepted this file a moment ago; read again only for the lines of its keys.
            lines = ConfigKeyLines.Read(await File.ReadAllTextAsync(Path.GetFullPath(routerConfig.Source, currentDirectory), cancellationToken));
        }

        var report = new ConfigShowReport(routerConfig.Source, ConfigValues.List(routerConfig, lines, fileName));
        string text = json ? JsonSerializer.Serialize(report, ConfigShowJsonContext.Default.ConfigShowReport) + "\n" : Format(report);
        await stdout.WriteAsync(text.AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        return 0;
    }

    private static string Format(ConfigShowReport report)
    {
        var table = new TextTable("key", "value", "from");
        foreach (var value in report.Values)
        {
            table.Add(value.Key, value.Value, value.Origin);
        }

        return new StringBuilder().AppendLine($"configuration in force: {report.Source}").AppendLine().Append(table).ToString();
    }
}

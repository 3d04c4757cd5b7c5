using System.CommandLine;
using System.Text;
using System.Text.Json;
using Router.Cli.ConfigShow;
using Router.Cli.Terminal;
using Router.Runtime.Configuration;

namespace Router.Cli.Commands;

/// <summary>`router config show`: the configuration in force (the file merged with the defaults and the editor's settings),
/// each value with its origin.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        Command show = new("show", "Print the configuration in force, the file merged with the defaults and the editor's settings, each value with where it came from (router.yaml:12, default, or editor setting router.models.chat).");
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default)." };
        Option<string?> settings = new("--settings")
        {
            Description = "The editor's settings as a JSON file: VS Code's settings.json (\"router.models.chat\": ...) or the router section the server receives ({\"models\": {\"chat\": ...}}).",
        };
        Option<bool> json = new("--json") { Description = "Write it as one JSON object." };
        show.Options.Add(config);
        show.Options.Add(settings);
        show.Options.Add(json);
        show.SetAction(async (parseResult, cancellationToken) => await ShowAsync(
            new ConfigShowInvocation(parseResult.GetValue(config), parseResult.GetValue(settings), parseResult.GetValue(json)),
            Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, cancellationToken));
        Command command = new("config", "Inspect the router's configuration.");
        command.Subcommands.Add(show);
        return command;
    }

    /// <summary>The whole command with its streams and environment passed in: 0 when shown, 2 when the configuration or the
    /// settings file is unusable.</summary>
    public static async Task<int> ShowAsync(
        ConfigShowInvocation invocation, TextWriter stdout, TextWriter stderr, string currentDirectory, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(stdout);
        stderr = RedactingWriter.Wrap(stderr);
        if (await RouterConfigSource.LoadReportingAsync("config show", invocation.ConfigPath, currentDirectory, environment, stderr, cancellationToken) is not { } routerConfig)
        {
            return 2;
        }

        EditorSettings settings = EditorSettings.None;
        if (invocation.SettingsPath is { } settingsPath)
        {
            if (await ReadSettingsAsync(Path.GetFullPath(settingsPath, currentDirectory), stderr, cancellationToken) is not { } read)
            {
                return 2;
            }

            settings = read;
        }

        ConfigInForceReport report = ConfigInForceReport.Of(routerConfig, settings);
        string text = invocation.Json ? JsonSerializer.Serialize(report, ConfigShowJsonContext.Default.ConfigInForceReport) + "\n" : Format(report, invocation.SettingsPath);
        await stdout.WriteAsync(text.AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>The settings file as the editor's settings; null (after saying why) when it is not a readable JSON object.
    /// Comments and trailing commas are allowed, as VS Code allows them in settings.json.</summary>
    private static async Task<EditorSettings?> ReadSettingsAsync(string path, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            await using FileStream file = File.OpenRead(path);
            using JsonDocument document = await JsonDocument.ParseAsync(
                file, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }, cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return EditorSettings.ReadAny(document.RootElement);
            }

            problem = "expected a JSON object of settings";
        }
        catch (JsonException ex)
        {
            problem = $"not JSON: {ex.Message}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read the file: {ex.Message}";
        }

        await stderr.WriteLineAsync($"router config show: {path}: {problem}".AsMemory(), cancellationToken);
        return null;
    }

    private static string Format(ConfigInForceReport report, string? settingsPath)
    {
        var table = new TextTable("key", "value", "from");
        foreach (var value in report.Values)
        {
            table.Add(value.Key, value.Value, value.Origin);
        }

        StringBuilder text = new StringBuilder().AppendLine($"configuration in force: {report.Source}");
        if (settingsPath is not null)
        {
            text.AppendLine($"editor settings: {settingsPath}");
        }

        return text.AppendLine().Append(table).ToString();
    }
}

using System.Text.Json;
using Router.Core.Configuration;
using Router.Core.Redaction;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;

namespace Router.Lsp.Configuration;

/// <summary>Hot reload: <c>workspace/didChangeConfiguration</c> re-reads router.yaml, and every read (saved edits
/// included) is reported to the user, so a broken edit says what is wrong and that the last good config stays.</summary>
internal sealed class ConfigurationHandlers
{
    private readonly RouterConfigSource _config;
    private readonly JsonRpcConnection _client;

    public ConfigurationHandlers(RouterConfigSource config, JsonRpcConnection client)
    {
        _config = config;
        _client = client;
        _config.Reloaded += reload => _ = ReportAsync(reload);
    }

    /// <summary>Set at initialize when the client answers <c>workspace/configuration</c>.</summary>
    public bool ClientAnswersConfiguration { get; set; }

    public ValueTask DidChangeConfigurationAsync(DidChangeConfigurationParams notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _config.Reload();
        if (ClientAnswersConfiguration)
        {
            PullEditorSettings();
        }
        else if (notification.Settings is { ValueKind: JsonValueKind.Object } pushed && pushed.TryGetProperty("router", out JsonElement section))
        {
            _config.ApplyEditorSettings(EditorSettings.Read(section));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Asks the client for the <c>router</c> section and applies it. Not awaited by the notification that triggers it:
    /// the answer comes back through the same connection.</summary>
    public void PullEditorSettings()
    {
        if (ClientAnswersConfiguration)
        {
            _ = PullAsync();
        }
    }

    private async Task PullAsync()
    {
        try
        {
            IReadOnlyList<JsonElement> values = await _client.GetConfigurationAsync(new ConfigurationParams([new ConfigurationItem("router")]), CancellationToken.None);
            if (values is [JsonElement section, ..])
            {
                _config.ApplyEditorSettings(EditorSettings.Read(section));
            }
        }
        catch (Exception e) when (e is IOException or JsonRpcException or OperationCanceledException or JsonException)
        {
            // A client that can't answer keeps router.yaml as it is; the user's file still applies.
        }
    }

    /// <summary><c>router.configShow</c>: the configuration this server routes with now, each value with its origin. Values
    /// are redacted like everything else sent out (a URL may carry a password).</summary>
    public RouterConfigShowResult Show()
    {
        ConfigInForceReport report = _config.Report();
        return new RouterConfigShowResult(
            OutwardRedactor.Default.Redact(report.Source),
            [.. report.Values.Select(v => new RouterConfigValue(v.Key, OutwardRedactor.Default.Redact(v.Value), v.Origin))]);
    }

    /// <summary>Sends the diagnostics of a read; the host calls it after initialize for the first read. A refused edit
    /// also pops up once, with its first error; the same refusal read again is not reported again.</summary>
    public async Task ReportAsync(ConfigReload reload)
    {
        ArgumentNullException.ThrowIfNull(reload);
        if (reload.Repeat)
        {
            return;
        }

        try
        {
            foreach (ConfigDiagnostic diagnostic in reload.Diagnostics)
            {
                MessageType type = diagnostic.IsError ? MessageType.Error : MessageType.Warning;
                await _client.LogMessageAsync(type, OutwardRedactor.Default.Redact($"router config: {diagnostic}"), CancellationToken.None);
            }

            string summary = reload.Applied
                ? $"router config: using {reload.Source}"
                : $"router config: {reload.Source} has errors; keeping the last good configuration ({InForce})";
            await _client.LogMessageAsync(reload.Applied ? MessageType.Info : MessageType.Error, OutwardRedactor.Default.Redact(summary), CancellationToken.None);
            if (!reload.Applied)
            {
                await _client.ShowMessageAsync(MessageType.Error, OutwardRedactor.Default.Redact(RefusalPopup(reload)), CancellationToken.None);
            }
        }
        catch (IOException)
        {
            // The client is gone; nobody is left to tell.
        }
    }

    private string RefusalPopup(ConfigReload reload)
    {
        ConfigDiagnostic[] errors = [.. reload.Diagnostics.Where(d => d.IsError)];
        string more = errors.Length > 1 ? $" (and {errors.Length - 1} more in the output log)" : "";
        string first = errors.Length > 0 ? $"{errors[0]}{more}. " : "";
        return $"Router: {first}Keeping the last good configuration ({InForce}).";
    }

    private string InForce => _config.Current.Source == RouterConfig.Default.Source ? "the built-in default" : _config.Current.Source;
}

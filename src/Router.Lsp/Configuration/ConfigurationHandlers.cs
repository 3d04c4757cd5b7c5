using Router.Core.Configuration;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

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

    public ValueTask DidChangeConfigurationAsync(DidChangeConfigurationParams notification, CancellationToken cancellationToken)
    {
        _config.Reload();
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends the diagnostics of a read; the host calls it after initialize for the first read.</summary>
    public async Task ReportAsync(ConfigReload reload)
    {
        try
        {
            foreach (ConfigDiagnostic diagnostic in reload.Diagnostics)
            {
                MessageType type = diagnostic.IsError ? MessageType.Error : MessageType.Warning;
                await _client.LogMessageAsync(type, $"router config: {diagnostic}", CancellationToken.None);
            }

            string summary = reload.Applied
                ? $"router config: using {reload.Source}"
                : $"router config: {reload.Source} has errors; keeping the last good configuration ({_config.Current.Source})";
            await _client.LogMessageAsync(reload.Applied ? MessageType.Info : MessageType.Error, summary, CancellationToken.None);
        }
        catch (IOException)
        {
            // The client is gone; nobody is left to tell.
        }
    }
}

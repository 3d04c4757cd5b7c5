using System.Collections.Concurrent;
using Router.Runtime.Configuration;

namespace Router.Lsp.Tests.Configuration;

/// <summary>The reads of a configuration file, in order, as its watcher makes them.</summary>
internal sealed class ConfigReloadWatch
{
    private readonly BlockingCollection<ConfigReload> _reloads = [];

    public ConfigReloadWatch(RouterConfigSource config) => config.Reloaded += _reloads.Add;

    /// <summary>The next read (that <paramref name="match"/> accepts, when given).</summary>
    public async Task<ConfigReload> NextAsync(CancellationToken timeout, Func<ConfigReload, bool>? match = null)
    {
        while (true)
        {
            ConfigReload reload = await Task.Run(() => _reloads.Take(timeout), timeout);
            if (match?.Invoke(reload) ?? true)
            {
                return reload;
            }
        }
    }
}

using Microsoft.Extensions.Logging;

namespace Router.Runtime.Configuration;

/// <summary>What configuration loading writes to the log.</summary>
internal static partial class ConfigLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "reloading {Path} failed; the configuration in force stays")]
    public static partial void ReloadFailed(ILogger log, string path, Exception exception);
}

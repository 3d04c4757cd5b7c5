using Microsoft.Extensions.Logging;

namespace Router.Lsp;

/// <summary>What the language server itself writes to the log.</summary>
internal static partial class LspServerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed")]
    public static partial void NotificationFailed(ILogger log, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    public static partial void MessageDropped(ILogger log, string reason);
}

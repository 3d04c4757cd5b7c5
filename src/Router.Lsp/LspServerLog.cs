using Microsoft.Extensions.Logging;
using Router.Core.Configuration;

namespace Router.Lsp;

/// <summary>What the language server itself writes to the log.</summary>
internal static partial class LspServerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed")]
    public static partial void NotificationFailed(ILogger log, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} on {Endpoint} fills in the middle by {Mode} ({HowFound})")]
    public static partial void FillInTheMiddleLearned(ILogger log, string model, string endpoint, FillInTheMiddleMode mode, string howFound);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    public static partial void MessageDropped(ILogger log, string reason);
}

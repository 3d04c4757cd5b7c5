using Microsoft.Extensions.Logging;

namespace Router.Runtime.Usage;

/// <summary>What the usage ledger logs: problems with its file and rows it could not store; never a row's content.</summary>
internal static partial class UsageLedgerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void Unavailable(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "{What}")]
    public static partial void Migrated(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "usage ledger: a row was not booked ({Why}); {Dropped} dropped so far")]
    public static partial void Dropped(ILogger logger, long dropped, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "usage ledger: {Rows} rows could not be written ({Problem}); {Dropped} dropped so far")]
    public static partial void WriteFailed(ILogger logger, int rows, long dropped, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "budget: {Problem}")]
    public static partial void BudgetProblem(ILogger logger, string problem);
}

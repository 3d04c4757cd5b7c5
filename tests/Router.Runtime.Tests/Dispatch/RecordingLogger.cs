using Microsoft.Extensions.Logging;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>Keeps every log record as it is handed to a logger, before any redaction a real sink applies.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _records = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_records)
        {
            _records.Add((logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
        }
    }
}

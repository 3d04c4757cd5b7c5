using Microsoft.Extensions.Logging;

namespace Router.Cli.Logging;

/// <summary>One category's logger; the level filter is the factory's, the writing the provider's.</summary>
internal sealed class RouterLogger(string category, RouterLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            provider.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}

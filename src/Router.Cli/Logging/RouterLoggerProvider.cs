using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Router.Core.Redaction;

namespace Router.Cli.Logging;

/// <summary>Writes every log line to the terminal's error stream (for <c>router lsp</c>, the editor's output channel) and
/// to the rotating log file. Each line is formatted once and passes <see cref="OutwardRedactor"/> once before either sees
/// it, so neither can hold a secret or private text a message carried.</summary>
internal sealed class RouterLoggerProvider(TextWriter terminal, RotatingLogFile? file, TimeProvider? time = null) : ILoggerProvider
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ILogger CreateLogger(string categoryName) => new RouterLogger(categoryName, this);

    public void Dispose() => file?.Dispose();

    /// <summary>"2026-03-01T09:30:12.345Z warn  dispatch: message", the exception's lines indented under it.</summary>
    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        StringBuilder line = new(message.Length + 64);
        line.Append(_time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ').Append(LevelName(level)).Append(' ').Append(category).Append(": ");
        AppendIndented(line, message);
        if (exception is not null)
        {
            line.Append('\n');
            AppendIndented(line.Append("  "), exception.ToString());
        }

        line.Append('\n');
        string redacted = OutwardRedactor.Default.Redact(line.ToString());
        file?.Write(redacted);
        try
        {
            terminal.Write(redacted);
            terminal.Flush();
        }
        catch (IOException)
        {
            // The editor closed the pipe; the file still has the line.
        }
    }

    // A message's own line breaks are indented, so every record starts at the left edge and no text can pose as another record.
    private static void AppendIndented(StringBuilder line, string text)
    {
        foreach (char c in text)
        {
            if (c == '\r')
            {
                continue;
            }

            line.Append(c);
            if (c == '\n')
            {
                line.Append("  ");
            }
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}

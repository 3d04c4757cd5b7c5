using System.Text;
using Router.Core.Redaction;

namespace Router.Cli.Terminal;

/// <summary>A writer for the terminal's error stream (and the log an editor keeps of a language server's stderr) that lets
/// nothing secret through: text is held until its line ends, then redacted a whole write at a time, so a secret is judged
/// with the words around it and a message of several lines as one.</summary>
internal sealed class RedactingWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly OutwardRedactor _redactor;
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    private RedactingWriter(TextWriter inner, OutwardRedactor redactor)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        _redactor = redactor;
        NewLine = inner.NewLine;
    }

    public override Encoding Encoding => _inner.Encoding;

    /// <summary><paramref name="writer"/> behind redaction; a writer that redacts already is returned as it is.</summary>
    public static TextWriter Wrap(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer is RedactingWriter ? writer : new RedactingWriter(writer, OutwardRedactor.Default);
    }

    public override void Write(char value) => Emit(TakeLines([value]));

    public override void Write(string? value) => Emit(TakeLines(value));

    public override void Write(char[] buffer, int index, int count) => Emit(TakeLines(buffer.AsSpan(index, count)));

    public override void Write(ReadOnlySpan<char> buffer) => Emit(TakeLines(buffer));

    public override void WriteLine(string? value) => Emit(TakeLines(value + NewLine));

    public override void WriteLine(ReadOnlySpan<char> buffer) => Emit(TakeLines(string.Concat(buffer, NewLine)));

    public override Task WriteAsync(char value) => EmitAsync(TakeLines([value]), CancellationToken.None);

    public override Task WriteAsync(string? value) => EmitAsync(TakeLines(value), CancellationToken.None);

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        EmitAsync(TakeLines(buffer.Span), cancellationToken);

    public override Task WriteLineAsync(string? value) => EmitAsync(TakeLines(value + NewLine), CancellationToken.None);

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        EmitAsync(TakeLines(string.Concat(buffer.Span, NewLine)), cancellationToken);

    public override void Flush()
    {
        Emit(TakeAll());
        _inner.Flush();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await EmitAsync(TakeAll(), cancellationToken);
        await _inner.FlushAsync(cancellationToken);
    }

    public override Task FlushAsync() => FlushAsync(CancellationToken.None);

    protected override void Dispose(bool disposing)
    {
        // The inner writer (the console, a caller's writer) is not this writer's to close; what is held back still goes out.
        if (disposing)
        {
            Emit(TakeAll());
        }

        base.Dispose(disposing);
    }

    /// <summary>Adds <paramref name="text"/> and takes, redacted, everything up to its last line break; null when no line ended.</summary>
    private string? TakeLines(ReadOnlySpan<char> text)
    {
        lock (_gate)
        {
            _pending.Append(text);
            int end = -1;
            for (int i = _pending.Length - 1; i >= 0; i--)
            {
                if (_pending[i] == '\n')
                {
                    end = i + 1;
                    break;
                }
            }

            if (end < 0)
            {
                return null;
            }

            string lines = _pending.ToString(0, end);
            _pending.Remove(0, end);
            return _redactor.Redact(lines);
        }
    }

    private string? TakeAll()
    {
        lock (_gate)
        {
            if (_pending.Length == 0)
            {
                return null;
            }

            string rest = _pending.ToString();
            _pending.Clear();
            return _redactor.Redact(rest);
        }
    }

    private void Emit(string? text)
    {
        if (text is not null)
        {
            _inner.Write(text);
        }
    }

    private Task EmitAsync(string? text, CancellationToken cancellationToken) =>
        text is null ? Task.CompletedTask : _inner.WriteAsync(text.AsMemory(), cancellationToken);
}

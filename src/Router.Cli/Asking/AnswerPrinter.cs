using Router.Runtime.Dispatch;

namespace Router.Cli.Asking;

/// <summary>Streams an answer to the terminal as it arrives: text on stdout, and on stderr a marker line whenever the
/// answer starts again (a host lost mid-answer, an escalation) or a cold load is under way.</summary>
internal sealed class AnswerPrinter(TextWriter stdout, TextWriter stderr)
{
    private bool _lineOpen;

    /// <summary>The text printed since the answer last started again.</summary>
    public string Shown { get; private set; } = "";

    public async ValueTask OnEventAsync(DispatchEvent dispatchEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatchEvent);
        switch (dispatchEvent.Kind)
        {
            case DispatchEventKind.Text:
                await stdout.WriteAsync(dispatchEvent.Text.AsMemory(), cancellationToken);
                await stdout.FlushAsync(cancellationToken);
                Shown += dispatchEvent.Text;
                _lineOpen = !dispatchEvent.Text.EndsWith('\n');
                break;
            case DispatchEventKind.Restart or DispatchEventKind.Escalation:
                await EndLineAsync(cancellationToken);
                await MarkAsync(dispatchEvent.Text, cancellationToken);
                Shown = "";
                break;
            case DispatchEventKind.Progress:
                await MarkAsync(dispatchEvent.Text, cancellationToken);
                break;
        }
    }

    /// <summary>Ends the answer's last line, so what follows starts on a line of its own.</summary>
    public async Task EndLineAsync(CancellationToken cancellationToken)
    {
        if (_lineOpen)
        {
            await stdout.WriteLineAsync(ReadOnlyMemory<char>.Empty, cancellationToken);
            await stdout.FlushAsync(cancellationToken);
            _lineOpen = false;
        }
    }

    private async Task MarkAsync(string text, CancellationToken cancellationToken)
    {
        await stderr.WriteLineAsync($"[{text}]".AsMemory(), cancellationToken);
        await stderr.FlushAsync(cancellationToken);
    }
}

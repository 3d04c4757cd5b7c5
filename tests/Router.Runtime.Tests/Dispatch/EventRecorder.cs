using System.Text;
using Router.Runtime.Dispatch;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>Collects dispatch events and keeps the text a consumer would show: a restart or an escalation discards what came before.</summary>
internal sealed class EventRecorder
{
    private readonly Lock _gate = new();
    private readonly List<DispatchEvent> _events = [];
    private readonly StringBuilder _visible = new();

    /// <summary>Called after each event is recorded, e.g. to cancel at a chosen point.</summary>
    public Action<DispatchEvent>? OnEach { get; init; }

    public IReadOnlyList<DispatchEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToList();
            }
        }
    }

    public string VisibleText
    {
        get
        {
            lock (_gate)
            {
                return _visible.ToString();
            }
        }
    }

    public ValueTask Sink(DispatchEvent dispatchEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add(dispatchEvent);
            switch (dispatchEvent.Kind)
            {
                case DispatchEventKind.Text:
                    _visible.Append(dispatchEvent.Text);
                    break;
                case DispatchEventKind.Restart or DispatchEventKind.Escalation:
                    _visible.Clear();
                    break;
            }
        }

        OnEach?.Invoke(dispatchEvent);
        return ValueTask.CompletedTask;
    }
}

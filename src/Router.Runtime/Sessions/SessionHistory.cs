using Router.Core.Requests;

namespace Router.Runtime.Sessions;

/// <summary>The turns of one editor session, newest last, each recorded with the tier that actually answered it
/// (after fallback or escalation), so continuity follows what served the user rather than what was first decided.</summary>
public sealed class SessionHistory
{
    /// <summary>Turns kept; continuity looks at far fewer, and a long session must not grow without bound.</summary>
    public const int Capacity = 32;

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Queue<RecordedTurn> _turns = new();

    public SessionHistory(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Records a finished turn: its kind, the prompt text and the tier whose answer the user got.</summary>
    /// <param name="answer">The answer's text, so a later chat can send the conversation so far.</param>
    /// <param name="isPrivate">Whether the request was private; its text then stays local when sent again as history.</param>
    public void Record(RequestKind kind, string? text, Tier answeredBy, string? answer = null, bool isPrivate = false)
    {
        lock (_gate)
        {
            _turns.Enqueue(new RecordedTurn(kind, text, answeredBy, _time.GetUtcNow(), answer, isPrivate));
            while (_turns.Count > Capacity)
            {
                _turns.Dequeue();
            }
        }
    }

    /// <summary>The turns as the policy reads them, oldest first, with their age now.</summary>
    public IReadOnlyList<HistoryTurn> Snapshot()
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            return [.. _turns.Select(turn => new HistoryTurn(turn.Kind, turn.Text, turn.Tier, Math.Max(0, (now - turn.At).TotalMinutes)))];
        }
    }

    /// <summary>The turns with their answers and privacy, oldest first, with their age now.</summary>
    public IReadOnlyList<SessionTurn> Turns()
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            return [.. _turns.Select(turn => new SessionTurn(turn.Kind, turn.Text, turn.Answer, turn.Tier, turn.Private, Math.Max(0, (now - turn.At).TotalMinutes)))];
        }
    }

    /// <summary>Forgets every turn (the user started a new conversation).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _turns.Clear();
        }
    }
}

using Router.Lsp.Contracts;

namespace Router.Lsp.Status;

/// <summary>The last answered requests with their routes and reasons, for "Why this model?".</summary>
internal sealed class DecisionLog(int capacity = DecisionLog.DefaultCapacity)
{
    public const int DefaultCapacity = 50;

    private readonly Lock _gate = new();
    private readonly LinkedList<RouterDecisionInfo> _entries = new();

    public void Add(RouterDecisionInfo decision)
    {
        lock (_gate)
        {
            _entries.AddFirst(decision);
            while (_entries.Count > capacity)
            {
                _entries.RemoveLast();
            }
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RouterDecisionInfo> Recent()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}

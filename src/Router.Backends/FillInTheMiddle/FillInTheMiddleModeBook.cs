using System.Collections.Concurrent;

namespace Router.Backends.FillInTheMiddle;

/// <summary>The fill-in-the-middle mode found for each endpoint and model, kept for the life of the process, so a server
/// that rejected <c>suffix</c> once is never sent it again.</summary>
public sealed class FillInTheMiddleModeBook
{
    private readonly ConcurrentDictionary<(string Endpoint, string Model), FillInTheMiddleChoice> _choices = new();

    /// <summary>The process's book, which every provider pool shares unless given its own.</summary>
    public static FillInTheMiddleModeBook Shared { get; } = new();

    /// <summary>Told each new choice, so the host can say which mode a model ended up with; it must return quickly.</summary>
    public event Action<string, string, FillInTheMiddleChoice>? Learned;

    public FillInTheMiddleChoice? Find(Uri endpoint, string model)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _choices.TryGetValue((endpoint.AbsoluteUri, model), out FillInTheMiddleChoice? choice) ? choice : null;
    }

    public void Remember(Uri endpoint, string model, FillInTheMiddleChoice choice)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(choice);
        FillInTheMiddleChoice? before = null;
        _choices.AddOrUpdate((endpoint.AbsoluteUri, model), choice, (_, old) =>
        {
            before = old;
            return choice;
        });
        if (before is null || before.Mode != choice.Mode)
        {
            Learned?.Invoke(endpoint.AbsoluteUri, model, choice);
        }
    }
}

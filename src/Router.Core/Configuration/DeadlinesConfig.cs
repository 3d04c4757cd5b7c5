namespace Router.Core.Configuration;

/// <summary>How long each kind of request waits on hosts before it fails over or gives up (router.yaml <c>deadlines</c>).</summary>
/// <param name="Completion">An inline completion's whole wait; when it passes the completion is empty (or keeps the lines already streamed).</param>
/// <param name="FirstToken">Explain, chat and refactor: the wait for a host's first token before the next host is tried.</param>
/// <param name="Load">The longer first-token wait while the host reports it is loading the model into memory.</param>
/// <param name="Refactor">A refactor's whole wait, every host it tries included.</param>
public sealed record DeadlinesConfig(TimeSpan Completion, TimeSpan FirstToken, TimeSpan Load, TimeSpan Refactor)
{
    /// <summary>2 s for a completion, 20 s to a first token (120 s while a model loads), 180 s for a refactor.</summary>
    public static DeadlinesConfig Default { get; } = new(
        TimeSpan.FromMilliseconds(2000), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(180));
}

using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Router.Backends.Tests.Providers;

/// <summary>An <see cref="IChatClient"/> that streams the updates it was given and keeps what it was asked.</summary>
internal sealed class ScriptedChatClient(params ChatResponseUpdate[] updates) : IChatClient
{
    public List<ChatMessage> Messages { get; } = [];

    public ChatOptions? Options { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Messages.AddRange(messages);
        Options = options;
        foreach (ChatResponseUpdate update in updates)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

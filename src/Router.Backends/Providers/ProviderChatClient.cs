using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Router.Backends.Providers;

/// <summary>A model host's <see cref="IChatClient"/> (an SDK's own adapter) held to the provider contract: every failure is a
/// <see cref="ProviderException"/> (or the caller's cancel), and a stream that ends without a finish reason fails
/// <see cref="ProviderErrorKind.StreamCut"/> instead of passing for a whole answer. <see cref="ChatOptions.ModelId"/> is required.</summary>
internal sealed class ProviderChatClient : IChatClient
{
    private readonly Uri _host;
    private readonly Func<string, IChatClient> _clientFor;
    private readonly Func<Exception, string, CancellationToken, Exception> _translate;
    private readonly Func<ChatOptions, ChatOptions> _prepare;
    private readonly Action _checkKey;

    /// <param name="host">The base address, named in every error.</param>
    /// <param name="providerName">The provider's name in <see cref="ChatClientMetadata"/>.</param>
    /// <param name="clientFor">The SDK's chat client for a model.</param>
    /// <param name="translate">What to throw for an exception the SDK let out while streaming for a model.</param>
    /// <param name="checkKey">Throws when the request cannot be sent at all (no key), before any I/O.</param>
    /// <param name="prepare">Carries options the SDK's adapter would drop (returns the options to send).</param>
    public ProviderChatClient(
        Uri host,
        string providerName,
        Func<string, IChatClient> clientFor,
        Func<Exception, string, CancellationToken, Exception> translate,
        Action checkKey,
        Func<ChatOptions, ChatOptions>? prepare = null)
    {
        _host = host;
        _clientFor = clientFor;
        _translate = translate;
        _checkKey = checkKey;
        _prepare = prepare ?? (static options => options);
        Metadata = new ChatClientMetadata(providerName, host);
    }

    public ChatClientMetadata Metadata { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string model = options?.ModelId is { Length: > 0 } id
            ? id
            : throw new ArgumentException("ChatOptions.ModelId must name the model.", nameof(options));
        _checkKey();
        return StreamAsync(model, messages, _prepare(options!), cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
            : null;
    }

    public void Dispose()
    {
        // The SDK clients made per model hold nothing of their own; the provider owns the HTTP client.
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        string model, IEnumerable<ChatMessage> messages, ChatOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool finished = false;
        IAsyncEnumerator<ChatResponseUpdate> updates = _clientFor(model).GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await MoveNextAsync(updates, model, cancellationToken))
            {
                finished |= updates.Current.FinishReason is not null;
                yield return updates.Current;
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }

        if (!finished)
        {
            throw new ProviderException(ProviderErrorKind.StreamCut, _host, model, "the chat stream ended without a finish reason");
        }
    }

    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<ChatResponseUpdate> updates, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await updates.MoveNextAsync();
        }
        catch (ProviderException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the SDK throws must reach the dispatcher as a provider error or the caller's cancel.
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw _translate(e, model, cancellationToken);
        }
    }
}

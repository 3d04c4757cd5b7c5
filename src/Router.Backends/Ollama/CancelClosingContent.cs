using System.Net;

namespace Router.Backends.Ollama;

/// <summary>A response body that is disposed, and so closes its connection, the moment its call is cancelled: a read in
/// progress fails at once instead of waiting for the host's next bytes.</summary>
internal sealed class CancelClosingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly CancellationTokenRegistration _closeOnCancel;

    public CancelClosingContent(HttpContent inner, CancellationToken cancellationToken)
    {
        _inner = inner;
        foreach (KeyValuePair<string, IEnumerable<string>> header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        _closeOnCancel = cancellationToken.Register(static content => ((HttpContent)content!).Dispose(), inner);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream, context);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(stream, context, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _closeOnCancel.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

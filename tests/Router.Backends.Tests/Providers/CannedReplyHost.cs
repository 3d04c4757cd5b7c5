using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Router.Backends.Tests.Providers;

/// <summary>A stand-in host on loopback that answers every HTTP request with the same canned reply, byte for byte: any
/// status, any content type, any body (invalid UTF-8 included), or a body that breaks off before its declared length.</summary>
internal sealed class CannedReplyHost : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _requests;

    private CannedReplyHost(CannedReply reply)
    {
        Reply = reply;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public CannedReply Reply { get; set; }

    /// <summary>Requests whose head arrived, answered or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static CannedReplyHost Start(CannedReply reply) => new(reply);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped while accepting.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                int bodyLength = await ReadHeadAsync(stream);
                await SkipAsync(stream, bodyLength);
                Interlocked.Increment(ref _requests);
                CannedReply reply = Reply;
                int declared = reply.Body.Length + (reply.BreaksOff ? 1000 : 0);
                string head = string.Create(
                    CultureInfo.InvariantCulture,
                    $"HTTP/1.1 {reply.Status} {reply.Reason}\r\nContent-Type: {reply.ContentType}\r\nContent-Length: {declared}\r\n{(reply.Header is null ? "" : reply.Header + "\r\n")}Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(reply.Body, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away first.
            }
        }
    }

    /// <summary>Reads the request line and headers; returns the declared body length.</summary>
    private async Task<int> ReadHeadAsync(NetworkStream stream)
    {
        List<byte> head = [];
        byte[] one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("the client closed before its request ended");
            }

            head.Add(one[0]);
        }

        foreach (string line in Encoding.ASCII.GetString([.. head]).Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private async Task SkipAsync(NetworkStream stream, int length)
    {
        byte[] buffer = new byte[8192];
        while (length > 0)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, length)), _stop.Token);
            if (read == 0)
            {
                return;
            }

            length -= read;
        }
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}

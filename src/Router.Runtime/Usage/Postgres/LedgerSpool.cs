using System.Text;
using System.Text.Json;

namespace Router.Runtime.Usage.Postgres;

/// <summary>The rows a process could not send to PostgreSQL, kept in a file of its own in the state folder (one JSON line each,
/// synced to disk) until the database is back. The file is held with an exclusive lock while the process lives, so another
/// process knows a file it <em>can</em> lock belongs to a process that is gone, and sends that one too. Bounded: past
/// <see cref="MaxBytes"/> a write is refused and the caller counts it as dropped. Sending is idempotent (rows carry their ids),
/// so a file sent twice after a crash between sending and truncating stores nothing twice.</summary>
internal sealed class LedgerSpool : IDisposable
{
    private readonly string _directory;
    private readonly string _ownPath;
    private FileStream? _own;

    // A process that stopped with rows unsent left its file behind; looked for once per process, at the first send.
    private bool _orphansMayExist = true;

    public LedgerSpool(string directory, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _directory = directory;
        MaxBytes = maxBytes;
        _ownPath = Path.Combine(directory, $"{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
    }

    public long MaxBytes { get; }

    /// <summary>Bytes waiting in this process's own file.</summary>
    public long PendingBytes => _own?.Length ?? 0;

    /// <summary>Whether this process's file, or a file a finished process left, has rows to send.</summary>
    public bool HasPending => PendingBytes > 0 || _orphansMayExist;

    /// <summary>Appends <paramref name="writes"/> in order; returns how many fitted (the rest are the caller's to count as dropped).</summary>
    public int Append(IReadOnlyList<SpooledWrite> writes)
    {
        FileStream own = Own();
        own.Seek(0, SeekOrigin.End);
        int stored = 0;
        foreach (SpooledWrite write in writes)
        {
            byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(write, SpoolJsonContext.Default.SpooledWrite) + "\n");
            if (own.Length + line.Length > MaxBytes)
            {
                break;
            }

            own.Write(line);
            stored++;
        }

        own.Flush(flushToDisk: true);
        return stored;
    }

    /// <summary>Sends every pending file through <paramref name="send"/> (in chunks of <paramref name="batchSize"/>, oldest first),
    /// emptying each once all of it is sent. Returns the writes sent; throws what <paramref name="send"/> throws, leaving the
    /// file that failed whole for the next try.</summary>
    public async Task<int> DrainAsync(Func<IReadOnlyList<SpooledWrite>, CancellationToken, Task> send, int batchSize, CancellationToken cancellationToken)
    {
        int sent = 0;
        if (_orphansMayExist && Directory.Exists(_directory))
        {
            foreach (string path in Directory.EnumerateFiles(_directory, "*.jsonl").Where(p => p != _ownPath).Order(StringComparer.Ordinal))
            {
                FileStream orphan;
                try
                {
                    orphan = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    continue; // Its process is alive and sends it itself.
                }

                await using (orphan.ConfigureAwait(false))
                {
                    sent += await SendAsync(orphan, send, batchSize, cancellationToken).ConfigureAwait(false);
                }

                File.Delete(path);
            }

            _orphansMayExist = false;
        }

        if (_own is { Length: > 0 } own)
        {
            sent += await SendAsync(own, send, batchSize, cancellationToken).ConfigureAwait(false);
            own.SetLength(0);
            own.Flush(flushToDisk: true);
        }

        return sent;
    }

    public void Dispose()
    {
        if (_own is null)
        {
            return;
        }

        bool empty = _own.Length == 0;
        _own.Dispose();
        _own = null;
        if (empty)
        {
            File.Delete(_ownPath);
        }
    }

    private FileStream Own()
    {
        if (_own is null)
        {
            Directory.CreateDirectory(_directory);
            _own = new FileStream(_ownPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }

        return _own;
    }

    private static async Task<int> SendAsync(
        FileStream file, Func<IReadOnlyList<SpooledWrite>, CancellationToken, Task> send, int batchSize, CancellationToken cancellationToken)
    {
        file.Seek(0, SeekOrigin.Begin);
        using StreamReader reader = new(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        List<SpooledWrite> chunk = [];
        int sent = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            SpooledWrite? write;
            try
            {
                write = JsonSerializer.Deserialize(line, SpoolJsonContext.Default.SpooledWrite);
            }
            catch (JsonException)
            {
                continue; // A line cut by a crash mid-write: the rest of the file is still good.
            }

            if (write is null)
            {
                continue;
            }

            chunk.Add(write);
            if (chunk.Count == batchSize)
            {
                await send(chunk, cancellationToken).ConfigureAwait(false);
                sent += chunk.Count;
                chunk = [];
            }
        }

        if (chunk.Count > 0)
        {
            await send(chunk, cancellationToken).ConfigureAwait(false);
            sent += chunk.Count;
        }

        return sent;
    }
}

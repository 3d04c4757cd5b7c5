using System.Globalization;
using System.Text;

namespace Router.Cli.Logging;

/// <summary>A log file that rolls over by size: <c>router.log</c> is written, and when the next line would take it past
/// <see cref="MaxBytes"/> it becomes <c>router.1.log</c>, the older ones move up one, and the oldest past <see cref="Keep"/>
/// is deleted. A second router running at the same time (another editor window) writes <c>router-2.log</c> and so on,
/// so no two processes share a file. Thread-safe; opened at the first line, so a run that logs nothing leaves no file.</summary>
internal sealed class RotatingLogFile : IDisposable
{
    public const long DefaultMaxBytes = 4 * 1024 * 1024;
    public const int DefaultKeep = 3;

    /// <summary>How many routers at once get a file of their own; one more logs to stderr only.</summary>
    public const int Slots = 8;

    private readonly Lock _gate = new();
    private readonly Action<string> _onFailure;
    private FileStream? _stream;
    private string? _stem;
    private long _length;
    private bool _failed;

    /// <param name="onFailure">Told once, in words, when the file cannot be written; logging to it stops then.</param>
    public RotatingLogFile(string directory, long maxBytes, int keep, Action<string> onFailure)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        ArgumentNullException.ThrowIfNull(onFailure);
        Directory = directory;
        MaxBytes = maxBytes;
        Keep = keep;
        _onFailure = onFailure;
    }

    public string Directory { get; }

    public long MaxBytes { get; }

    /// <summary>Rolled-over files kept besides the one written.</summary>
    public int Keep { get; }

    /// <summary>The file being written; null before the first line or after a failure.</summary>
    public string? CurrentPath
    {
        get
        {
            lock (_gate)
            {
                return _stem is null || _failed ? null : Current(_stem);
            }
        }
    }

    /// <summary>Appends <paramref name="lines"/> (whole lines, ending in a line break) and flushes them to the disk.</summary>
    public void Write(string lines)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(lines);
        string? failure = null;
        lock (_gate)
        {
            if (_failed)
            {
                return;
            }

            try
            {
                _stream ??= Open();
                if (_length > 0 && _length + bytes.Length > MaxBytes)
                {
                    Roll();
                }

                _stream.Write(bytes);
                _stream.Flush();
                _length += bytes.Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _failed = true;
                _stream?.Dispose();
                _stream = null;
                failure = $"router: the log file in {Directory} cannot be written ({e.Message}); logging goes on to stderr only";
            }
        }

        if (failure is not null)
        {
            _onFailure(failure);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream?.Dispose();
            _stream = null;
            _failed = true;
        }
    }

    /// <summary>The first slot no other router holds, rolled over first when it is full already.</summary>
    private FileStream Open()
    {
        CreateDirectory();
        IOException? busy = null;
        for (int slot = 0; slot < Slots; slot++)
        {
            string stem = slot == 0 ? "router" : string.Create(CultureInfo.InvariantCulture, $"router-{slot + 1}");
            FileStream stream;
            try
            {
                stream = OpenExclusive(Current(stem));
            }
            catch (IOException e) when (File.Exists(Current(stem)))
            {
                busy = e;
                continue;
            }

            _stem = stem;
            _length = stream.Length;
            _stream = stream;
            if (_length >= MaxBytes)
            {
                Roll();
            }

            return _stream;
        }

        throw new IOException($"every one of its {Slots} files is held by another router", busy);
    }

    /// <summary>router.log becomes router.1.log, router.1.log becomes router.2.log, …; the oldest beyond <see cref="Keep"/> goes.</summary>
    private void Roll()
    {
        string stem = _stem!;
        File.Delete(Rolled(stem, Keep));
        for (int i = Keep - 1; i >= 1; i--)
        {
            if (File.Exists(Rolled(stem, i)))
            {
                File.Move(Rolled(stem, i), Rolled(stem, i + 1), overwrite: true);
            }
        }

        // Renamed while still open and held, so no other router can take the name between the move and the new file.
        FileStream old = _stream!;
        File.Move(Current(stem), Rolled(stem, 1), overwrite: true);
        _stream = OpenExclusive(Current(stem));
        _length = 0;
        old.Dispose();
    }

    private static FileStream OpenExclusive(string path)
    {
        FileStreamOptions options = new()
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,

            // Unix: an exclusive lock keeps other routers out (readers such as tail do not lock, so they still read);
            // Windows: readers may open it and this router can rename it while it is open.
            Share = OperatingSystem.IsWindows() ? FileShare.Read | FileShare.Delete : FileShare.None,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Current(string stem) => Path.Combine(Directory, stem + ".log");

    private string Rolled(string stem, int number) => Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{stem}.{number}.log"));
}

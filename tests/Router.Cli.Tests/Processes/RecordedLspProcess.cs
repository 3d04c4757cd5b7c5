using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using Router.Lsp.Client;

namespace Router.Cli.Tests.Processes;

/// <summary><c>router lsp</c> as a real child process driven by an <see cref="LspClient"/> over its stdin and stdout, with
/// every byte it writes to stdout and stderr kept, so a test can search all of it.</summary>
internal sealed class RecordedLspProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly MemoryStream _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Pipe _fromServer = new();
    private readonly Task _pump;

    private RecordedLspProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _pump = Task.Run(PumpAsync);
        Client = new LspClient(_fromServer.Reader, PipeWriter.Create(_process.StandardInput.BaseStream));
    }

    public LspClient Client { get; }

    /// <summary>All the server wrote to stdout so far (the protocol), as text.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return Encoding.UTF8.GetString(_stdout.GetBuffer(), 0, (int)_stdout.Length);
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>router</c> with <paramref name="args"/> and <paramref name="environment"/> added to this process's own.</summary>
    public static RecordedLspProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "router.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        return new RecordedLspProcess(Process.Start(start) ?? throw new InvalidOperationException("router lsp did not start"));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using CancellationTokenSource limit = new(timeout);
        await _process.WaitForExitAsync(limit.Token);
        await _pump.WaitAsync(limit.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Copies the server's stdout to the client and to the record, byte for byte.
    private async Task PumpAsync()
    {
        Stream output = _process.StandardOutput.BaseStream;
        byte[] buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await output.ReadAsync(buffer)) > 0)
            {
                lock (_stdout)
                {
                    _stdout.Write(buffer, 0, read);
                }

                await _fromServer.Writer.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        finally
        {
            await _fromServer.Writer.CompleteAsync();
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace Router.Demo;

/// <summary><c>router lsp</c> started as a child process, exactly as an editor starts it.</summary>
internal sealed class LspChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private LspChildProcess(Process process)
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
    }

    public Stream FromServer => _process.StandardOutput.BaseStream;

    public Stream ToServer => _process.StandardInput.BaseStream;

    public int ProcessId => _process.Id;

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

    /// <summary>Starts <c>router lsp --config</c>: the <c>router</c> built beside the demo (it references the server's project).</summary>
    public static LspChildProcess Start(string configPath, string workingDirectory)
    {
        string router = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "router.exe" : "router");
        if (!File.Exists(router))
        {
            throw new FileNotFoundException($"the language server is not built beside the demo: {router} is missing", router);
        }

        ProcessStartInfo start = new(router)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("lsp");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configPath);
        return new LspChildProcess(Process.Start(start) ?? throw new InvalidOperationException("router lsp did not start"));
    }

    /// <summary>Waits for the server to exit after <c>exit</c>; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using CancellationTokenSource limit = new(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            return -1;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

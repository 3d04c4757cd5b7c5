using System.Diagnostics;
using System.Text;

namespace Router.Cli.Tests.Processes;

/// <summary>
/// Runs the built <c>router</c> as a real child process (<c>dotnet router.dll …</c>), as a user or editor would; or one of
/// the repository's tools built beside it (<c>router-emulator</c>, <c>router-demo</c>).
/// </summary>
internal sealed class RouterProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private const string Router = "router";

    private RouterProcess(params string[] args)
        : this(Router, null, args)
    {
    }

    /// <param name="program">The assembly's name: <c>router</c>, or a tool of the repository built beside it.</param>
    /// <param name="environment">Variables to set (a null value removes the variable) on top of this process's environment.</param>
    private RouterProcess(string program, IReadOnlyDictionary<string, string?>? environment, string[] args)
    {
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program + ".dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("router did not start");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _firstLine.TrySetResult("");
                return;
            }

            lock (_stdout)
            {
                _stdout.AppendLine(e.Data);
            }

            _firstLine.TrySetResult(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
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

    public static RouterProcess Start(params string[] args) => new(args);

    /// <summary>Starts with <paramref name="environment"/> changed (a null value removes a variable).</summary>
    public static RouterProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args) => new(Router, environment, args);

    /// <summary>Starts a tool of the repository (<c>router-emulator</c>, <c>router-demo</c>) built beside the router.</summary>
    public static RouterProcess StartTool(string program, params string[] args) => new(program, null, args);

    /// <summary>Writes to the process's standard input, as an editor writes LSP frames to a server.</summary>
    public async Task WriteInputAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Runs to the end and returns the exit code; killed after <paramref name="timeout"/>.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] args) =>
        RunToolAsync(Router, timeout, args);

    /// <summary>Runs a tool of the repository to the end; killed after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToolAsync(string program, TimeSpan timeout, params string[] args)
    {
        using RouterProcess router = new(program, null, args);
        int exitCode = await router.WaitForExitAsync(timeout);
        return (exitCode, router.StandardOutput, router.StandardError);
    }

    /// <summary>Runs to the end with <paramref name="environment"/> changed (a null value removes a variable).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using RouterProcess router = new(Router, environment, args);
        int exitCode = await router.WaitForExitAsync(timeout);
        return (exitCode, router.StandardOutput, router.StandardError);
    }

    public Task<string> FirstLineAsync(TimeSpan timeout) => _firstLine.Task.WaitAsync(timeout);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using CancellationTokenSource limit = new(timeout);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}

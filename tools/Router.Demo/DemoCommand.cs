using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Router.Cli.Terminal;
using Router.Emulator;
using Router.Lsp.Client;
using Router.Protocol.Lsp;

namespace Router.Demo;

/// <summary>The demo: emulated hosts, the real server as a child process, and an editor-like typing session.</summary>
internal static class DemoCommand
{
    public static RootCommand Create()
    {
        Option<double> timeScale = new("--time-scale")
        {
            Description = "Speed of the emulated models: 1 is real time (cold loads take seconds), 0.25 four times faster.",
            DefaultValueFactory = _ => 0.25,
        };
        Option<int> keystrokeMs = new("--keystroke-ms")
        {
            Description = "Milliseconds between simulated keystrokes.",
            DefaultValueFactory = _ => 40,
        };
        RootCommand command = new("Start emulated Ollama hosts and the language server, type like an editor, and show where each request went.");
        command.Options.Add(timeScale);
        command.Options.Add(keystrokeMs);
        command.SetAction(async (parseResult, cancellationToken) =>
            await RunAsync(parseResult.GetValue(timeScale), TimeSpan.FromMilliseconds(parseResult.GetValue(keystrokeMs)), Console.Out, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(double timeScale, TimeSpan keystroke, TextWriter output, CancellationToken cancellationToken)
    {
        await using DemoHosts hosts = await DemoHosts.StartAsync(timeScale, cancellationToken);
        await output.WriteLineAsync("Router.Lsp demo");
        await output.WriteLineAsync($"  emulated Ollama hosts: laptop {hosts.Laptop.BaseAddress}  gpu-box {hosts.GpuBox.BaseAddress}  (time scale {timeScale.ToString(CultureInfo.InvariantCulture)})");

        await using LspChildProcess server = LspChildProcess.Start(hosts.ConfigPath, hosts.Workspace);
        await output.WriteLineAsync($"  language server: `router lsp --config {hosts.ConfigPath}` (pid {server.ProcessId}), driven over stdio");
        await output.WriteLineAsync();

        using DemoReport report = new();
        int exitCode;
        int keystrokes;
        await using (LspClient client = new(server.FromServer, server.ToServer))
        {
            client.OnCompletionTrace(report.Add);
            client.OnLogMessage(report.AddLog);
            client.Start(cancellationToken);
            await client.InitializeAsync(
                new InitializeParams
                {
                    ProcessId = Environment.ProcessId,
                    ClientInfo = new ClientInfo("router demo"),
                    RootUri = new Uri(hosts.Workspace + Path.DirectorySeparatorChar).AbsoluteUri,
                    InitializationOptions = JsonDocument.Parse("""{"completionTraces":true}""").RootElement.Clone(),
                },
                cancellationToken);
            await client.InitializedAsync(cancellationToken);

            TypingSession typing = new(client, keystroke);
            await RunScriptAsync(hosts, typing, report, output, cancellationToken);
            keystrokes = typing.Keystrokes;

            await client.ShutdownAsync(cancellationToken);
            await client.ExitAsync(cancellationToken);
            exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(report.Table());
        foreach (string log in report.Logs)
        {
            await output.WriteLineAsync($"  server said: {log}");
        }

        // The hosts' own request logs, not the server's word: what reached a model is what the GPU would have done.
        // A request the stopped gpu-box cut off before reading its body named no model, and the code model's warm-up (an
        // empty prompt, a load) asked for no text: neither generated anything.
        IReadOnlyList<EmulatorRequestRecord> asked =
            [.. hosts.GpuBox.Requests.Concat(hosts.Laptop.Requests).Where(r => r.Endpoint == "/api/generate" && !string.IsNullOrEmpty(r.Model) && !(string.IsNullOrEmpty(r.Prompt) && string.IsNullOrEmpty(r.Suffix)))];
        int closedEarly = asked.Count(r => r.Outcome == EmulatorRequestOutcome.ClientClosed);
        await output.WriteLineAsync();
        await output.WriteLineAsync(
            $"  {keystrokes} keystrokes, each a change and an inline-completion request, the previous one cancelled first as VS Code does: " +
            $"{report.CancelledBeforeAModel} were cancelled in the debounce before reaching a model, and {asked.Count} generations reached one " +
            $"({closedEarly} closed early, by a newer keystroke or at the end of the line); {report.Count("completed")} suggestions shown, {report.Count("failed")} failed.");
        await output.WriteLineAsync($"  server exit code after shutdown: {exitCode}");
        if (exitCode != 0)
        {
            await Console.Error.WriteLineAsync(server.StandardError);
        }

        return exitCode == 0 && report.Count("completed") > 0 ? 0 : 1;
    }

    private static async Task RunScriptAsync(DemoHosts hosts, TypingSession typing, DemoReport report, TextWriter output, CancellationToken cancellationToken)
    {
        string python = new Uri(Path.Combine(hosts.Workspace, "geometry.py")).AbsoluteUri;
        await typing.OpenAsync(python, "python", "import math\n\n\n\n\nprint(distance((0, 0), (3, 4)))\n", cancellationToken);

        report.Step = "1 new function";
        const string header = "def distance(p, q):\n    ";
        string? body = await typing.TypeAsync(python, new Position(3, 0), header, cancellationToken);
        await report.WaitForAnswerTraceAsync(cancellationToken);
        await Show(output, report.Step, "def distance(p, q):\n    ", body);
        if (body is not null)
        {
            await typing.InsertAsync(python, new Position(4, 4), body, cancellationToken);
        }

        report.Step = "2 mid-line";
        string csharp = new Uri(Path.Combine(hosts.Workspace, "Invoice.cs")).AbsoluteUri;
        await typing.OpenAsync(csharp, "csharp", "public sealed class Invoice\n{\n    public decimal Net { get; init; }\n    public decimal Vat { get; init; }\n\n}\n", cancellationToken);
        const string property = "    public decimal Total => ";
        string? total = await typing.TypeAsync(csharp, new Position(4, 0), property, cancellationToken);
        await report.WaitForAnswerTraceAsync(cancellationToken);
        await Show(output, report.Step, property, total);

        report.Step = "3 classic list";
        string? classic = await typing.ClassicCompletionAsync(csharp, new Position(4, property.Length), cancellationToken);
        await report.WaitForAnswerTraceAsync(cancellationToken);
        await Show(output, report.Step, property, classic);

        report.Step = "4 gpu-box down";
        hosts.GpuBox.SetFaults(new EmulatorFaultSet { HostDown = true });
        // "Vat" is not how the suggestion shown goes on, so the cache can't serve it: the model must be asked again.
        string? fallback = await typing.TypeAsync(csharp, new Position(4, property.Length), "Vat", cancellationToken);
        await report.WaitForAnswerTraceAsync(cancellationToken);
        await Show(output, report.Step, property + "Vat", fallback);
        hosts.GpuBox.ClearFaults();
    }

    // Ghost text is dimmed on a terminal, as an editor shows it; plain when the output is redirected.
    private static async Task Show(TextWriter output, string step, string typed, string? suggestion)
    {
        string lastLine = typed.Split('\n')[^1];
        string before = typed.TrimEnd().Split('\n')[^1];
        bool terminal = !Console.IsOutputRedirected;
        string Ghost(string text) => terminal ? $"\u001b[2m{text}\u001b[0m" : text;

        await output.WriteLineAsync($"  [{step}] after typing \"{before.Trim()}\":");
        if (suggestion is null)
        {
            // A space apart, so the marker is not read as part of what was typed ("Vat (no suggestion)").
            await output.WriteLineAsync($"      {lastLine} {Ghost("(no suggestion)")}");
            return;
        }

        string[] lines = suggestion.Split('\n');
        await output.WriteLineAsync($"      {lastLine}{Ghost(lines[0])}");
        foreach (string line in lines.Skip(1))
        {
            await output.WriteLineAsync($"      {Ghost(line)}");
        }
    }
}

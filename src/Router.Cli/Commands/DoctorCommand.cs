using System.CommandLine;
using System.Text.Json;
using Router.Cli.Doctor;
using Router.Cli.Terminal;
using Router.Core.Configuration;
using Router.Core.Redaction;
using Router.Runtime.Configuration;
using Router.Runtime.Inventory;

namespace Router.Cli.Commands;

/// <summary>`router doctor`: probes every endpoint and tells, per tier, whether a host can serve it and what to fix.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        Command command = new("doctor", "Check every endpoint and tier: reachable hosts, models present or missing, loaded models, capabilities, keys. Exit code 1 when a tier has no usable host.");
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default)." };
        Option<bool> json = new("--json") { Description = "Write the findings as one JSON object." };
        Option<double> timeout = ProbeTimeout.Create("Seconds one host may take to answer its probe.", 5);
        command.Options.Add(config);
        command.Options.Add(json);
        command.Options.Add(timeout);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await ProbeTimeout.ReadAsync(parseResult, timeout, "doctor", cancellationToken) is not { } probeTimeout)
            {
                return 2;
            }

            DoctorInvocation invocation = new(parseResult.GetValue(config), parseResult.GetValue(json), probeTimeout);
            return await RunAsync(invocation, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, cancellationToken);
        });
        return command;
    }

    /// <summary>The whole command with its streams and environment passed in; 0 when every tier has a usable host, 1 when not,
    /// 2 when the configuration is unusable.</summary>
    public static async Task<int> RunAsync(
        DoctorInvocation invocation,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr = RedactingWriter.Wrap(stderr);

        if (await RouterConfigSource.LoadReportingAsync("doctor", invocation.ConfigPath, currentDirectory, environment, stderr, cancellationToken) is not { } routerConfig)
        {
            return 2;
        }

        TimeProvider clock = TimeProvider.System;
        using HostInventory inventory = new(new HostInventoryOptions { Clock = clock, ProbeTimeout = invocation.Timeout }, readVariable: environment);
        using HttpClient http = new() { Timeout = invocation.Timeout };
        DoctorReport report = (await new DoctorExamination(routerConfig, inventory, clock, http, environment).RunAsync(cancellationToken)).Redacted(OutwardRedactor.Default);
        string text = invocation.Json
            ? JsonSerializer.Serialize(report, DoctorJsonContext.Default.DoctorReport) + "\n"
            : DoctorTable.Format(report, clock.GetUtcNow());
        await stdout.WriteAsync(text.AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        return report.Usable ? 0 : 1;
    }
}

using System.Diagnostics;
using System.Globalization;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Budget;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

namespace Router.Bench;

/// <summary>
/// The ledger's write cost per request, SQLite beside PostgreSQL, measured in one run on this machine:
/// what a priced cloud request waits for (budget reserve, settle, queueing its row), one row written alone (queue and wait for
/// it to be stored), and one row of a 512-row batch. PostgreSQL is a throwaway cluster on loopback (tests/postgres/cluster.sh).
///   dotnet run -c Release --project bench/Router.Bench -- ledger-write [requests]
/// </summary>
internal static class LedgerWriteReplay
{
    private const int Batch = 512;

    public static async Task<int> RunAsync(string[] args)
    {
        int requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        string folder = Path.Combine(Path.GetTempPath(), "router-bench-ledger-write-" + Guid.NewGuid().ToString("N"));
        string cluster = folder + "-pg";
        Directory.CreateDirectory(folder);
        string script = FindScript();
        (int code, string connection) = await ScriptAsync(script, "start", cluster);
        if (code != 0)
        {
            await Console.Error.WriteLineAsync("ledger-write: the throwaway PostgreSQL did not start: " + connection);
            return 1;
        }

        try
        {
            await using UsageLedger sqlite = await UsageLedger.OpenAsync(Path.Combine(folder, "usage.db"), new UsageLedgerOptions(QueueCapacity: 1_000_000));
            await using PostgresUsageLedger postgres = await PostgresUsageLedger.OpenAsync(
                connection.Trim(), new PostgresLedgerOptions(Path.Combine(folder, "spool")), new UsageLedgerOptions(QueueCapacity: 1_000_000));
            BudgetConfig budget = new(20, 0);

            // Warm both paths (connections, JIT, prepared plans) before anything is timed.
            await MeasureAsync(sqlite, sqlite.Budget, budget, "warm-s", 200);
            await MeasureAsync(postgres, postgres.Budget, budget, "warm-p", 200);
            LedgerWriteMeasurement s = await MeasureAsync(sqlite, sqlite.Budget, budget, "s", requests);
            LedgerWriteMeasurement p = await MeasureAsync(postgres, postgres.Budget, budget, "p", requests);

            Console.WriteLine($"ledger write cost per request, {requests} requests each, medians and p99 in microseconds ({Environment.ProcessorCount} cores)");
            Console.WriteLine();
            Console.WriteLine($"{"",-44}{"SQLite",18}{"PostgreSQL",18}{"PG/SQLite",12}");
            Row("request path: reserve + settle + queue row", s.Path, p.Path);
            Row("one row written alone (queue, wait stored)", s.Alone, p.Alone);
            Row($"one row of a {Batch}-row batch", s.Batched, p.Batched);
            Console.WriteLine();
            Console.WriteLine($"budget transactions: SQLite {requests} (one per request), PostgreSQL {postgres.Budget.LeasesTaken} leases in all");
            return 0;
        }
        finally
        {
            await ScriptAsync(script, "stop", cluster);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Row(string what, double[] sqlite, double[] postgres)
    {
        (double sm, double s99) = (Percentile(sqlite, 0.5), Percentile(sqlite, 0.99));
        (double pm, double p99) = (Percentile(postgres, 0.5), Percentile(postgres, 0.99));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-44}{sm,8:0.0} / {s99,7:0.0}{pm,8:0.0} / {p99,7:0.0}{pm / sm,6:0.00}× / {p99 / s99,4:0.00}×"));
    }

    private static async Task<LedgerWriteMeasurement> MeasureAsync(IUsageLedger ledger, ICloudBudget budget, BudgetConfig limits, string prefix, int requests)
    {
        double[] path = new double[requests];
        double[] alone = new double[requests];
        for (int i = 0; i < requests; i++)
        {
            long started = Stopwatch.GetTimestamp();
            BudgetReservation reservation = await budget.ReserveAsync(new BudgetClaim("cloud", Tier.Frontier, 0.001m, limits), CancellationToken.None);
            await budget.SettleAsync(reservation, 0.0008m, CancellationToken.None);
            ledger.Append(Record($"{prefix}-path-{i}"));
            path[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        await ledger.FlushAsync(CancellationToken.None);
        for (int i = 0; i < requests; i++)
        {
            long started = Stopwatch.GetTimestamp();
            ledger.Append(Record($"{prefix}-alone-{i}"));
            await ledger.FlushAsync(CancellationToken.None);
            alone[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        List<double> batched = [];
        for (int b = 0; b < Math.Max(4, requests / Batch); b++)
        {
            long started = Stopwatch.GetTimestamp();
            for (int i = 0; i < Batch; i++)
            {
                ledger.Append(Record($"{prefix}-batch-{b}-{i}"));
            }

            await ledger.FlushAsync(CancellationToken.None);
            batched.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / Batch);
        }

        return new LedgerWriteMeasurement(path, alone, [.. batched]);
    }

    private static UsageRecord Record(string id) => new(
        id, DateTimeOffset.UtcNow, RequestKind.Chat, Tier.Frontier, "claude-sonnet-4-5", "claude", true, "csharp", 812, 230, false,
        TimeSpan.FromMilliseconds(380), TimeSpan.FromMilliseconds(2400), null, UsageOutcome.Answered, false, false, null, 0.0008m, "reasoning signal")
    {
        Key = "key:ci-bot",
        User = "dev",
    };

    private static double Percentile(double[] values, double rank)
    {
        double[] sorted = [.. values.Order()];
        return sorted[Math.Clamp((int)Math.Ceiling(rank * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string FindScript()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "postgres", "cluster.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/postgres/cluster.sh not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Output)> ScriptAsync(string script, string command, string directory)
    {
        ProcessStartInfo info = new("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(command);
        info.ArgumentList.Add(directory);
        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, process.ExitCode == 0 ? await output : await errors);
    }
}

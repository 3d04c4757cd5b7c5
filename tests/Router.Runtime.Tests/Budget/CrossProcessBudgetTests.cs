using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Router.Core.Usage;
using Router.Runtime.Tests.Usage;
using Router.Runtime.Usage;
using Xunit.Abstractions;

namespace Router.Runtime.Tests.Budget;

/// <summary>Eight real processes (Router.LedgerBooker) booking cloud requests into one ledger at the same moment.</summary>
public sealed class CrossProcessBudgetTests(ITestOutputHelper output) : IDisposable
{
    private const int Processes = 8;
    private const int RequestsEach = 50;
    private const decimal DailyUsd = 1.00m;
    private const decimal EstimateUsd = 0.01m;

    private readonly LedgerFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Eight_processes_booking_at_once_lose_nothing_and_hold_the_daily_budget()
    {
        // Created first, so that no process races another to create the schema.
        await (await UsageLedger.OpenAsync(_folder.Database, cancellationToken: CancellationToken.None)).DisposeAsync();
        string booker = Path.Combine(AppContext.BaseDirectory, "Router.LedgerBooker.dll");
        long start = DateTimeOffset.UtcNow.AddSeconds(3).UtcTicks;
        List<(Process Process, Task<string> Output, Task<string> Errors)> running = [];
        for (int i = 0; i < Processes; i++)
        {
            ProcessStartInfo info = new("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[]
            {
                booker, _folder.Database, i.ToString(CultureInfo.InvariantCulture), RequestsEach.ToString(CultureInfo.InvariantCulture),
                DailyUsd.ToString(CultureInfo.InvariantCulture), EstimateUsd.ToString(CultureInfo.InvariantCulture), start.ToString(CultureInfo.InvariantCulture),
            })
            {
                info.ArgumentList.Add(argument);
            }

            Process process = Process.Start(info)!;
            running.Add((process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync()));
        }

        using CancellationTokenSource patience = new(TimeSpan.FromMinutes(2));
        foreach ((Process process, Task<string> output, Task<string> errors) in running)
        {
            await process.WaitForExitAsync(patience.Token);
            Assert.True(process.ExitCode == 0, $"booker exit {process.ExitCode}: {await output}{await errors}");
            process.Dispose();
        }

        List<string> lines = [.. running.Select(r => r.Output.Result.Trim())];
        foreach (string line in lines)
        {
            output.WriteLine(line);
        }
        int granted = lines.Sum(l => int.Parse(l.Split(' ')[3], CultureInfo.InvariantCulture));
        decimal settled = lines.Sum(l => decimal.Parse(l.Split(' ')[7], CultureInfo.InvariantCulture));

        await using UsageLedger ledger = await UsageLedger.OpenAsync(_folder.Database, cancellationToken: CancellationToken.None);
        List<UsageRecord> records = [];
        await foreach (UsageRecord record in ledger.ReadSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None))
        {
            records.Add(record);
        }

        // Nothing lost: every request has its row, every settled cost is in the spend the budget reads.
        Assert.Equal(Processes * RequestsEach, records.Count);
        Assert.Equal(Processes * RequestsEach, records.Select(r => r.RequestId).Distinct().Count());
        Assert.Equal(granted, records.Count(r => r.Outcome == UsageOutcome.Answered));
        Assert.Equal(settled, records.Sum(r => r.CostUsd));
        Assert.Equal(settled, await SpendInDatabaseAsync());

        // The budget was reached (some were refused), and never passed by more than one in-flight reservation.
        Assert.InRange(granted, 1, (Processes * RequestsEach) - 1);
        Assert.True(settled <= DailyUsd + EstimateUsd, $"spent {settled} against a budget of {DailyUsd}");
        Assert.Equal(0m, (await ledger.Budget.RefreshAsync(CancellationToken.None)).ReservedToday);
    }

    private async Task<decimal> SpendInDatabaseAsync()
    {
        await using SqliteConnection connection = new($"Data Source={_folder.Database}");
        await connection.OpenAsync();
        await using SqliteCommand sum = connection.CreateCommand();
        sum.CommandText = "SELECT COALESCE(SUM(cost_nano), 0) FROM spend";
        return (long)(await sum.ExecuteScalarAsync())! / 1_000_000_000m;
    }
}

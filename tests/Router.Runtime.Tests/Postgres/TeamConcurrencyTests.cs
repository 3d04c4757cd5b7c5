using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Router.Core.Usage;
using Router.Runtime.Tests.Usage;
using Router.Runtime.Usage.Postgres;
using Xunit.Abstractions;

namespace Router.Runtime.Tests.Postgres;

/// <summary>Twelve real processes (Router.TeamBooker: 4 gateways running 8 requests at once under keys of their own, 8 CLIs one at
/// a time) booking 1,000 cloud requests against one team budget in one PostgreSQL, all starting at the same moment.</summary>
[Collection(PostgresTests.Name)]
public sealed class TeamConcurrencyTests(PostgresCluster cluster, ITestOutputHelper output) : IDisposable
{
    private const int Gateways = 4;
    private const int GatewayRequests = 130;
    private const int Clis = 8;
    private const int CliRequests = 60;
    private const decimal DailyUsd = 3.00m;
    private const decimal EstimateUsd = 0.01m;

    private readonly LedgerFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Twelve_processes_booking_a_thousand_requests_lose_nothing_and_never_pass_the_team_budget()
    {
        string connection = await cluster.CreateDatabaseAsync();
        string booker = Path.Combine(AppContext.BaseDirectory, "Router.TeamBooker.dll");
        long start = DateTimeOffset.UtcNow.AddSeconds(4).UtcTicks;
        List<(Process Process, Task<string> Output, Task<string> Errors)> running = [];
        foreach ((string kind, int count, int requests, int parallel) in new[] { ("gateway", Gateways, GatewayRequests, 8), ("cli", Clis, CliRequests, 1) })
        {
            for (int i = 0; i < count; i++)
            {
                ProcessStartInfo info = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                info.Environment["ROUTER_LEDGER_URL"] = connection;
                foreach (string argument in new[]
                {
                    booker, kind, i.ToString(CultureInfo.InvariantCulture), requests.ToString(CultureInfo.InvariantCulture),
                    parallel.ToString(CultureInfo.InvariantCulture), DailyUsd.ToString(CultureInfo.InvariantCulture),
                    EstimateUsd.ToString(CultureInfo.InvariantCulture), start.ToString(CultureInfo.InvariantCulture),
                    Path.Combine(_folder.Path, $"spool-{kind}{i}"),
                })
                {
                    info.ArgumentList.Add(argument);
                }

                Process process = Process.Start(info)!;
                running.Add((process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync()));
            }
        }

        using CancellationTokenSource patience = new(TimeSpan.FromMinutes(3));
        foreach ((Process process, Task<string> stdout, Task<string> errors) in running)
        {
            await process.WaitForExitAsync(patience.Token);
            Assert.True(process.ExitCode == 0, $"booker exit {process.ExitCode}: {await stdout}{await errors}");
            process.Dispose();
        }

        List<string[]> lines = [.. running.Select(r => r.Output.Result.Trim().Split(' '))];
        int granted = lines.Sum(l => int.Parse(l[2], CultureInfo.InvariantCulture));
        decimal settled = lines.Sum(l => decimal.Parse(l[6], CultureInfo.InvariantCulture));
        long leases = lines.Sum(l => long.Parse(l[10], CultureInfo.InvariantCulture));
        output.WriteLine($"granted {granted} of 1000, settled ${settled}, {leases} lease transactions ({(double)granted / leases:0.0} requests a lease)");

        await using PostgresUsageLedger ledger = await PostgresUsageLedger.OpenAsync(connection, new PostgresLedgerOptions(Path.Combine(_folder.Path, "reader")));
        List<UsageRecord> records = [];
        await foreach (UsageRecord record in ledger.ReadSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None))
        {
            records.Add(record);
        }

        // Nothing lost, nothing twice: every request has one row, and the rows' costs are what the processes settled.
        int total = (Gateways * GatewayRequests) + (Clis * CliRequests);
        Assert.Equal(1000, total);
        Assert.Equal(total, records.Count);
        Assert.Equal(total, records.Select(r => r.RequestId).Distinct().Count());
        Assert.Equal(granted, records.Count(r => r.Outcome == UsageOutcome.Answered));
        Assert.Equal(settled, records.Sum(r => r.CostUsd));
        Assert.Equal(Gateways * GatewayRequests, records.Count(r => r.Key is not null));

        // The budget: every lease given back, its books equal to the rows, and the day's spend within the limit (real costs never
        // exceed their estimates here, so nothing in flight can push it over).
        await using NpgsqlDataSource database = NpgsqlDataSource.Create(connection);
        await using NpgsqlCommand books = database.CreateCommand(
            "SELECT count(*) FILTER (WHERE returned_at IS NULL), COALESCE(SUM(spent_nano), 0), count(*) FROM router_budget_leases");
        await using NpgsqlDataReader reader = await books.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(0, reader.GetInt64(0));
        Assert.Equal(settled, reader.GetInt64(1) / 1_000_000_000m);
        Assert.Equal(leases, reader.GetInt64(2));
        Assert.True(settled <= DailyUsd, $"settled ${settled} past the ${DailyUsd} budget");

        // Leases do not strand the budget: more than half of it was spent before the refusals began, and the database saw far
        // fewer budget transactions than requests.
        Assert.True(settled > DailyUsd / 2, $"only ${settled} of ${DailyUsd} spent");
        Assert.True(granted > 1000 - (1000 * 0.8), "almost every request was refused");
        Assert.True(leases * 2 <= granted, $"{leases} lease transactions for {granted} granted requests");
    }
}

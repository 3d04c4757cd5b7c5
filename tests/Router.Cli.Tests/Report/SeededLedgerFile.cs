using Router.Core.Tests.Usage;
using Router.Core.Usage;
using Router.Runtime.Usage;

namespace Router.Cli.Tests.Report;

/// <summary>The seeded 10,000 requests booked into a real usage ledger (SQLite) in a folder of its own.</summary>
internal sealed class SeededLedgerFile : IDisposable
{
    private SeededLedgerFile(string folder, DateTimeOffset now, IReadOnlyList<UsageRecord> records)
    {
        Folder = folder;
        Now = now;
        Records = records;
    }

    public string Folder { get; }

    public string Path => System.IO.Path.Combine(Folder, UsageLedger.FileName);

    /// <summary>The moment the report is made: just after the last seeded request.</summary>
    public DateTimeOffset Now { get; }

    public IReadOnlyList<UsageRecord> Records { get; }

    public static async Task<SeededLedgerFile> CreateAsync()
    {
        string folder = Directory.CreateTempSubdirectory("router-report-").FullName;

        // Seeded up to the real present, so the ledger's retention (which reads the real clock) keeps every row.
        DateTimeOffset now = DateTimeOffset.UtcNow;
        IReadOnlyList<UsageRecord> records = SeededLedger.Records(now.AddMinutes(-1));
        SeededLedgerFile file = new(folder, now, records);
        await using UsageLedger ledger = await UsageLedger.OpenAsync(file.Path);
        Assert.Null(ledger.Warning);
        for (int i = 0; i < records.Count; i++)
        {
            // Within the writer's queue: a full queue drops rows, as it would on a request path.
            if (i % 4000 == 0)
            {
                await ledger.FlushAsync(CancellationToken.None);
            }

            Assert.True(ledger.Append(records[i]), "the ledger's queue refused a seeded row");
        }

        await ledger.FlushAsync(CancellationToken.None);
        Assert.Equal(0, ledger.Dropped);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

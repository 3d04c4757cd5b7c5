namespace Router.Runtime.Tests.Usage;

/// <summary>A fresh folder for one test's ledger, deleted afterwards.</summary>
internal sealed class LedgerFolder : IDisposable
{
    public LedgerFolder()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "router-ledger-" + Guid.NewGuid().ToString("N"));

    public string Database => System.IO.Path.Combine(Path, "usage.db");

    /// <summary>The bytes of the database and its write-ahead log, as a search for leaked text must read them.</summary>
    public byte[] DatabaseBytes()
    {
        List<byte> bytes = [];
        foreach (string file in new[] { Database, Database + "-wal", Database + "-journal" })
        {
            if (File.Exists(file))
            {
                using FileStream stream = new(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using MemoryStream copy = new();
                stream.CopyTo(copy);
                bytes.AddRange(copy.ToArray());
            }
        }

        return [.. bytes];
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on another platform; the temp folder is cleaned by the OS.
        }
    }
}

using System.Diagnostics;
using Npgsql;

namespace Router.Runtime.Tests.Postgres;

/// <summary>A throwaway PostgreSQL cluster for the tests of the team ledger (tests/postgres/cluster.sh: installs Debian's postgresql
/// when missing, initdb and pg_ctl in a temp folder on a free loopback port), stopped and deleted after. Each test gets a
/// database of its own. A cluster that cannot be started fails the tests with the script's words, never passes them.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"router-pg-{Guid.NewGuid():N}");
    private string? _port;

    /// <summary>The connection string of the cluster's maintenance database.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        (int code, string output, string errors) = await RunAsync("start", _directory);
        if (code != 0)
        {
            throw new InvalidOperationException($"the throwaway PostgreSQL did not start (tests/postgres/cluster.sh exit {code}): {errors.Trim()}");
        }

        AdminConnectionString = output.Trim().Split('\n')[^1];
        _port = (await File.ReadAllTextAsync(Path.Combine(_directory, "port"))).Trim();
    }

    public async Task DisposeAsync() => await RunAsync("stop", _directory);

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = $"t{Guid.NewGuid():N}";
        await using NpgsqlDataSource admin = NpgsqlDataSource.Create(AdminConnectionString);
        await using NpgsqlCommand create = admin.CreateCommand($"CREATE DATABASE {name}");
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server, keeping its data (every connection breaks).</summary>
    public async Task HaltAsync()
    {
        (int code, _, string errors) = await RunAsync("halt", _directory);
        Assert.True(code == 0, errors);
    }

    /// <summary>Starts the halted server again on the same port.</summary>
    public async Task ResumeAsync()
    {
        (int code, _, string errors) = await RunAsync("start", _directory, _port!);
        Assert.True(code == 0, errors);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        ProcessStartInfo info = new("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script());
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using CancellationTokenSource patience = new(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string Script()
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
}

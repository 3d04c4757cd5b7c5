using System.Globalization;
using System.Text.Json;
using Router.Core.Requests;
using Router.Runtime.State;

namespace Router.Runtime.Budget;

/// <summary>Today's cloud spend, kept in a small JSON file so that it survives restarts. Days follow the local calendar,
/// so the budget starts afresh at midnight; the last days are kept for reports. Adds from concurrent requests are safe
/// and sum exactly; another process sharing the file (the CLI beside the server) has its adds merged, not overwritten.</summary>
public sealed class SpendLedger : IDisposable
{
    /// <summary>How many days are kept when the caller does not say.</summary>
    public const int DefaultDaysKept = 31;

    private const string DateFormat = "yyyy-MM-dd";

    // No single answer or day costs this much; a larger figure is a bug or a damaged file, and would overflow the sums.
    private const decimal ImplausibleUsd = 1_000_000_000m;

    private readonly TimeProvider _clock;
    private readonly int _daysKept;
    private readonly Lock _state = new();
    private readonly SemaphoreSlim _writing = new(1, 1);

    // What the file held when last read or written, and what was added since; today's figure is their sum.
    private Dictionary<DateOnly, DayTotal> _saved = [];
    private readonly List<SpendEntry> _pending = [];
    private volatile string? _warning;

    private SpendLedger(string path, TimeProvider clock, int daysKept)
    {
        Path = path;
        _clock = clock;
        _daysKept = daysKept;
    }

    /// <summary>The spend file.</summary>
    public string Path { get; }

    /// <summary>The latest problem with the spend file (unreadable or corrupt at start, or a failed write), in words a
    /// user can act on; null when there was none. The ledger keeps counting in memory either way.</summary>
    public string? Warning => _warning;

    /// <summary>Opens the ledger on <paramref name="path"/> (by default <see cref="DefaultPath"/>). A missing file starts
    /// empty; an unreadable or corrupt one is set aside as <c>.corrupt</c>, today starts from $0 and
    /// <see cref="Warning"/> says so. Never throws for the file's sake.</summary>
    public static async Task<SpendLedger> OpenAsync(
        string? path = null, TimeProvider? clock = null, int daysKept = DefaultDaysKept, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(daysKept, 1);
        SpendLedger ledger = new(path ?? DefaultPath(), clock ?? TimeProvider.System, daysKept);
        (Dictionary<DateOnly, DayTotal>? days, string? problem) = await ledger.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            ledger._warning = $"{problem}; today's cloud spend starts from $0{ledger.SetAside()}";
        }

        ledger._saved = days ?? [];
        return ledger;
    }

    /// <summary>Where the spend file lives: <c>spend.json</c> in the <see cref="StateDirectory"/>
    /// (<c>$XDG_STATE_HOME/router-lsp</c>, else <c>~/.local/state/router-lsp</c>, <c>%LOCALAPPDATA%\router-lsp</c> on Windows).</summary>
    /// <param name="environment">Reads an environment variable; the process's own by default.</param>
    public static string DefaultPath(Func<string, string?>? environment = null) =>
        System.IO.Path.Combine(StateDirectory.Resolve(environment), "spend.json");

    /// <summary>Cloud spend so far on today's local date, in US dollars: what <c>RoutePolicy.Decide</c> takes as <c>spentTodayUsd</c>.</summary>
    public double SpentToday()
    {
        DateOnly today = Today();
        lock (_state)
        {
            decimal usd = _saved.TryGetValue(today, out DayTotal? saved) ? saved.Usd : 0;
            foreach (SpendEntry entry in _pending)
            {
                if (entry.Date == today)
                {
                    usd += entry.Usd;
                }
            }

            return (double)usd;
        }
    }

    /// <summary>Records <paramref name="usd"/> spent on <paramref name="endpoint"/> for <paramref name="tier"/> today and
    /// writes the file. The amount counts at once, before the write: cancelling only stops the wait for the write, and a
    /// failed write leaves it to the next one (see <see cref="Warning"/>).</summary>
    public async ValueTask AddAsync(string endpoint, Tier tier, double usd, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (!double.IsFinite(usd) || usd < 0 || usd >= (double)ImplausibleUsd)
        {
            throw new ArgumentOutOfRangeException(nameof(usd), usd, "a cost is an amount of at least $0 and under a billion dollars");
        }

        SpendEntry entry = new(Today(), endpoint, tier, (decimal)usd);
        lock (_state)
        {
            _pending.Add(entry);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes whatever was added and not yet written, merged with what the file holds now.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SpendEntry[] entries;
            Dictionary<DateOnly, DayTotal> fallback;
            lock (_state)
            {
                if (_pending.Count == 0)
                {
                    // A concurrent add's write already carried this one.
                    return;
                }

                entries = [.. _pending];
                fallback = Copy(_saved);
            }

            // Re-read so another process's adds since our last write are kept; if the file went bad, our own last state stands.
            (Dictionary<DateOnly, DayTotal>? current, string? problem) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                _warning = $"{problem}; it is rewritten from this process's record{SetAside()}";
            }

            Dictionary<DateOnly, DayTotal> merged = current ?? fallback;
            foreach (SpendEntry entry in entries)
            {
                Day(merged, entry.Date).Add(entry.Usd, 1, [new(entry.Endpoint, entry.Usd)], [new(entry.Tier.Name(), entry.Usd)]);
            }

            DateOnly oldestKept = Today().AddDays(1 - _daysKept);
            foreach (DateOnly old in merged.Keys.Where(d => d < oldestKept).ToList())
            {
                merged.Remove(old);
            }

            try
            {
                await WriteAsync(merged, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _warning = $"cannot write the spend file {Path} ({e.Message}); spend is counted in memory and written with the next request";
                return;
            }

            lock (_state)
            {
                _pending.RemoveRange(0, entries.Length);
                _saved = merged;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The days kept, newest first, today's adds included.</summary>
    public IReadOnlyList<DailySpend> RecentDays()
    {
        Dictionary<DateOnly, DayTotal> days;
        lock (_state)
        {
            days = Copy(_saved);
            foreach (SpendEntry entry in _pending)
            {
                Day(days, entry.Date).Add(entry.Usd, 1, [new(entry.Endpoint, entry.Usd)], [new(entry.Tier.Name(), entry.Usd)]);
            }
        }

        return days
            .OrderByDescending(d => d.Key)
            .Select(d => new DailySpend(d.Key, (double)d.Value.Usd, d.Value.Requests, AsDoubles(d.Value.Endpoints), AsDoubles(d.Value.Tiers)))
            .ToList();
    }

    /// <summary>Releases the write gate. Every add has already been written (or warned about); nothing is flushed here.</summary>
    public void Dispose() => _writing.Dispose();

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    /// <summary>The file's days, or null and why when it cannot be used; a missing file is an empty ledger.</summary>
    private async Task<(Dictionary<DateOnly, DayTotal>? Days, string? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ([], null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the spend file {Path} ({e.Message})");
        }

        try
        {
            SpendFile? file = JsonSerializer.Deserialize(bytes, SpendJsonContext.Default.SpendFile);
            return Parse(file) is { } days ? (days, null) : (null, $"the spend file {Path} is not a spend record");
        }
        catch (JsonException e)
        {
            return (null, $"the spend file {Path} is corrupt ({e.Message})");
        }
    }

    private static Dictionary<DateOnly, DayTotal>? Parse(SpendFile? file)
    {
        if (file is null || file.Version != SpendFile.CurrentVersion || file.Days is null)
        {
            return null;
        }

        Dictionary<DateOnly, DayTotal> days = [];
        foreach (SpendFileDay? day in file.Days)
        {
            if (day is null
                || !DateOnly.TryParseExact(day.Date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
                || day.Usd < 0
                || day.Usd >= ImplausibleUsd
                || day.Requests < 0
                || days.ContainsKey(date))
            {
                return null;
            }

            Day(days, date).Add(day.Usd, day.Requests, day.Endpoints ?? new Dictionary<string, decimal>(), day.Tiers ?? new Dictionary<string, decimal>());
        }

        return days;
    }

    private async Task WriteAsync(Dictionary<DateOnly, DayTotal> days, CancellationToken cancellationToken)
    {
        SpendFile file = new(SpendFile.CurrentVersion, days
            .OrderBy(d => d.Key)
            .Select(d => new SpendFileDay(d.Key.ToString(DateFormat, CultureInfo.InvariantCulture), d.Value.Usd, d.Value.Requests,
                new SortedDictionary<string, decimal>(d.Value.Endpoints, StringComparer.Ordinal),
                new SortedDictionary<string, decimal>(d.Value.Tiers, StringComparer.Ordinal)))
            .ToList());
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(file, SpendJsonContext.Default.SpendFile);
        string? directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside the file, then renamed over it: a crash mid-write leaves the old file whole, never half of a new one.
        string temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        try
        {
            FileStream stream = new(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                // No fsync: it costs tens of milliseconds a write on a busy disk, and ext4 and its peers flush a file
                // renamed over another anyway. A file lost to a power cut reads as corrupt, which the ledger survives.
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Moves an unusable file aside so that the next write does not destroy what a user may want to inspect.</summary>
    private string SetAside()
    {
        string aside = Path + ".corrupt";
        try
        {
            if (File.Exists(Path))
            {
                File.Move(Path, aside, overwrite: true);
                return $" (the old file is kept as {aside})";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It stays where it is; the next successful write replaces it.
        }

        return "";
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray temporary file is harmless; the next write uses a new name.
        }
    }

    private static DayTotal Day(Dictionary<DateOnly, DayTotal> days, DateOnly date)
    {
        if (!days.TryGetValue(date, out DayTotal? total))
        {
            total = new DayTotal();
            days[date] = total;
        }

        return total;
    }

    private static Dictionary<DateOnly, DayTotal> Copy(Dictionary<DateOnly, DayTotal> days) =>
        days.ToDictionary(d => d.Key, d => d.Value.Copy());

    private static Dictionary<string, double> AsDoubles(Dictionary<string, decimal> amounts) =>
        amounts.ToDictionary(a => a.Key, a => (double)a.Value, StringComparer.Ordinal);
}

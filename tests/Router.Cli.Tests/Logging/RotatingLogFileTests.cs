using System.Globalization;
using Router.Cli.Logging;

namespace Router.Cli.Tests.Logging;

/// <summary>router.log on a real folder: it rolls over by size, keeps a bounded number of older files, and two routers at
/// once never write the same file.</summary>
public sealed class RotatingLogFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("router-rotation-").FullName;
    private readonly List<string> _failures = [];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Line(int number) => string.Create(CultureInfo.InvariantCulture, $"line {number:000} {new string('x', 40)}\n");

    private string[] Names() => [.. Directory.EnumerateFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void The_log_rolls_over_at_its_size_and_only_the_newest_files_are_kept()
    {
        using (RotatingLogFile file = new(_dir, maxBytes: 200, keep: 2, _failures.Add))
        {
            for (int i = 1; i <= 30; i++)
            {
                file.Write(Line(i));
            }
        }

        Assert.Equal(["router.1.log", "router.2.log", "router.log"], Names());
        Assert.All(Names(), name => Assert.InRange(new FileInfo(Path.Combine(_dir, name)).Length, 1, 200));

        // Newest in router.log, older ones up the numbers, with no line lost or repeated between the files kept.
        string[] kept = [.. new[] { "router.2.log", "router.1.log", "router.log" }.SelectMany(name => File.ReadAllLines(Path.Combine(_dir, name)))];
        Assert.EndsWith("line 030 " + new string('x', 40), kept[^1], StringComparison.Ordinal);
        int first = int.Parse(kept[0].AsSpan(5, 3), CultureInfo.InvariantCulture);
        Assert.Equal([.. Enumerable.Range(first, 30 - first + 1).Select(i => Line(i).TrimEnd('\n'))], kept);
        Assert.Empty(_failures);
    }

    [Fact]
    public void A_full_log_left_by_an_earlier_run_rolls_over_before_the_first_new_line()
    {
        File.WriteAllText(Path.Combine(_dir, "router.log"), new string('o', 300) + "\n");
        using (RotatingLogFile file = new(_dir, maxBytes: 200, keep: 3, _failures.Add))
        {
            file.Write(Line(1));
        }

        Assert.Equal(["router.1.log", "router.log"], Names());
        Assert.Equal(Line(1), File.ReadAllText(Path.Combine(_dir, "router.log")));
    }

    [Fact]
    public void A_second_router_at_the_same_time_writes_a_file_of_its_own_and_rolls_it_on_its_own()
    {
        using (RotatingLogFile first = new(_dir, maxBytes: 200, keep: 1, _failures.Add))
        using (RotatingLogFile second = new(_dir, maxBytes: 200, keep: 1, _failures.Add))
        {
            for (int i = 1; i <= 10; i++)
            {
                first.Write(Line(i));
                second.Write(Line(100 + i));
            }

            Assert.Equal(Path.Combine(_dir, "router.log"), first.CurrentPath);
            Assert.Equal(Path.Combine(_dir, "router-2.log"), second.CurrentPath);
        }

        // Read once both are closed: on Unix the writer's lock keeps other .NET readers out while it runs (cat and tail are not).
        Assert.Equal(["router-2.1.log", "router-2.log", "router.1.log", "router.log"], Names());
        Assert.All(File.ReadAllLines(Path.Combine(_dir, "router.log")), line => Assert.Matches("^line 0", line));
        Assert.All(File.ReadAllLines(Path.Combine(_dir, "router-2.log")), line => Assert.Matches("^line 1", line));
        Assert.Empty(_failures);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_said_once_and_nothing_throws()
    {
        string notAFolder = Path.Combine(_dir, "taken");
        File.WriteAllText(notAFolder, "a file where the log folder should be");
        using RotatingLogFile file = new(notAFolder, maxBytes: 200, keep: 1, _failures.Add);

        file.Write(Line(1));
        file.Write(Line(2));

        string failure = Assert.Single(_failures);
        Assert.Contains(notAFolder, failure, StringComparison.Ordinal);
        Assert.Contains("stderr only", failure, StringComparison.Ordinal);
        Assert.Null(file.CurrentPath);
    }
}

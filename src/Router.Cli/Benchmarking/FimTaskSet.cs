using System.Reflection;
using System.Text;

namespace Router.Cli.Benchmarking;

/// <summary>The bundled fill-in-the-middle tasks (embedded <c>FimTasks/*.txt</c>, one file per language), in the style of
/// Tabby's next-line accuracy: in each task one line is marked <c>&gt;&gt;&gt;</c>; the model sees everything before it
/// (with the line's indentation) as prefix and everything after it as suffix, and must write that line.</summary>
internal static class FimTaskSet
{
    private const string ResourcePrefix = "Router.Cli.Benchmarking.FimTasks.";
    private const string TaskStart = "=== ";
    private const string ExpectedMark = ">>>";

    private static readonly Lazy<IReadOnlyList<FimTask>> Bundled = new(LoadBundled);

    /// <summary>Every bundled task, by language file name (csharp, go, python, rust, typescript), then in file order.</summary>
    public static IReadOnlyList<FimTask> All => Bundled.Value;

    /// <summary>The tasks in one file's text. A task without exactly one marked line is an error naming it.</summary>
    public static IReadOnlyList<FimTask> Parse(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<FimTask> tasks = [];
        string? id = null;
        List<string> lines = [];
        foreach (string raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.StartsWith(TaskStart, StringComparison.Ordinal))
            {
                AddTask(id, lines, language, tasks);
                id = raw[TaskStart.Length..].Trim();
                lines = [];
            }
            else if (id is not null)
            {
                lines.Add(raw);
            }
        }

        AddTask(id, lines, language, tasks);
        return tasks;
    }

    private static void AddTask(string? id, List<string> lines, string language, List<FimTask> tasks)
    {
        if (id is null)
        {
            return;
        }

        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        int[] marked = [.. lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith(ExpectedMark, StringComparison.Ordinal)).Select(l => l.i)];
        if (marked.Length != 1)
        {
            throw new InvalidDataException($"fill-in-the-middle task {language}/{id} must mark exactly one line with {ExpectedMark}, not {marked.Length}");
        }

        int at = marked[0];
        string line = lines[at][ExpectedMark.Length..];
        string indentation = line[..(line.Length - line.TrimStart().Length)];
        StringBuilder prefix = new();
        foreach (string before in lines.Take(at))
        {
            prefix.Append(before).Append('\n');
        }

        prefix.Append(indentation);
        string suffix = "\n" + string.Join("\n", lines.Skip(at + 1)) + "\n";
        tasks.Add(new FimTask(id, language, prefix.ToString(), suffix, line.Trim()));
    }

    private static List<FimTask> LoadBundled()
    {
        Assembly assembly = typeof(FimTaskSet).Assembly;
        List<FimTask> tasks = [];
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using StreamReader reader = new(stream, Encoding.UTF8);
            string language = Path.GetFileNameWithoutExtension(name[ResourcePrefix.Length..]);
            tasks.AddRange(Parse(reader.ReadToEnd(), language));
        }

        return tasks;
    }
}

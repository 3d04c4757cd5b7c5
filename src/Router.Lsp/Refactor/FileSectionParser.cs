using System.Text.RegularExpressions;

namespace Router.Lsp.Refactor;

/// <summary>Reads a multi-file refactor answer: one fenced block per file, its path on the line before the fence
/// ("FILE: src/A.cs", also "### src/A.cs", "**File:** `src/A.cs`", "// File: src/A.cs") or in the fence's info string
/// ("```csharp src/A.cs", "```csharp title=\"src/A.cs\""). Blocks with no path are left out; the caller decides what that means.</summary>
internal static partial class FileSectionParser
{
    public static List<FileSection> Parse(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        string[] lines = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        List<FileSection> sections = [];
        string? header = null;
        int i = 0;
        while (i < lines.Length)
        {
            Match fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    // Only the nearest non-blank line before a fence names it.
                    header = HeaderPath(lines[i]);
                }

                i++;
                continue;
            }

            string marker = fence.Groups["fence"].Value;
            (string? tag, string? infoPath) = Info(fence.Groups["info"].Value);
            int start = i + 1;
            int end = start;
            while (end < lines.Length && !IsClosing(lines[end], marker))
            {
                end++;
            }

            string? path = infoPath ?? header;
            if (path is not null)
            {
                sections.Add(new FileSection(path, tag, string.Join('\n', lines[start..Math.Min(end, lines.Length)]), end < lines.Length));
            }

            header = null;
            i = end + 1;
        }

        return sections;
    }

    private static string? HeaderPath(string line)
    {
        string text = line.Trim().TrimStart('#', '>', '/', '*', '-', ' ', '\t').Trim();
        Match labelled = Label().Match(text);
        if (labelled.Success)
        {
            // "FILE: src/A.cs (new)": the path is the first word after the label.
            text = labelled.Groups["rest"].Value.Trim().Trim('*', '_', '`', '"', '\'').Split(' ', 2)[0];
        }

        text = text.Trim().Trim('*', '_', '`', '"', '\'', ' ', ':').Trim();
        return LooksLikePath(text) && (labelled.Success || !text.Contains(' ', StringComparison.Ordinal)) ? text : null;
    }

    private static (string? Tag, string? Path) Info(string info)
    {
        string text = info.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        Match attribute = PathAttribute().Match(text);
        string[] words = text.Split((char[])[' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries);
        string first = words[0];
        if (attribute.Success)
        {
            return (LooksLikePath(first) || first.Contains('=', StringComparison.Ordinal) ? null : first, attribute.Groups["path"].Value);
        }

        if (LooksLikePath(first))
        {
            return (null, first);
        }

        string? path = words.Skip(1).FirstOrDefault(LooksLikePath);
        return (first, path);
    }

    /// <summary>A file path: no spaces, and a file name with an extension.</summary>
    private static bool LooksLikePath(string text) =>
        text.Length is > 2 and < 260 && !text.Contains(' ', StringComparison.Ordinal) && FileName().IsMatch(text);

    private static bool IsClosing(string line, string marker)
    {
        string text = line.Trim();
        return text.Length >= marker.Length && text.All(c => c == marker[0]);
    }

    [GeneratedRegex(@"^\s{0,3}(?<fence>`{3,}|~{3,})(?<info>[^`]*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\**\s*(?:file(?:name)?|path)\s*\**\s*:\s*\**\s*(?<rest>.+)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Label();

    [GeneratedRegex(@"\b(?:title|file|filename|path)\s*=\s*[""']?(?<path>[^""'\s]+)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PathAttribute();

    [GeneratedRegex(@"(?:^|[/\\])[\w.\-]*\w\.[A-Za-z0-9]{1,10}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FileName();
}

using System.Text.RegularExpressions;

namespace Router.Core.Configuration;

/// <summary>The key path of a line judged by indentation alone ("tiers.code.model" for a "model:" line under "code:"
/// under "tiers:"), for a fault the parser never reached because the file broke earlier.</summary>
internal static partial class IndentationKeyPath
{
    /// <summary>The path of the keys enclosing 1-based <paramref name="line"/> (its own key included); "" when its
    /// top-level line is not a plain <c>name:</c>.</summary>
    public static string At(string text, long line)
    {
        string[] lines = LineBreak().Split(text);
        if (line < 1 || line > lines.Length)
        {
            return "";
        }

        List<string> keys = [];
        int indent = int.MaxValue;
        for (long i = line - 1; i >= 0 && indent > 0; i--)
        {
            string current = lines[i];
            int own = current.Length - current.TrimStart(' ', '\t').Length;
            if (current.Trim().Length == 0 || current.TrimStart().StartsWith('#') || own >= indent)
            {
                continue;
            }

            Match key = KeyLine().Match(current);
            if (key.Success)
            {
                keys.Add(key.Groups["key"].Value);
                indent = own;
            }
            else if (own == 0)
            {
                return "";
            }
            else if (i == line - 1)
            {
                // The line itself is no "name:" (the fault may be in its key); the keys above it still say where it is.
                indent = own;
            }
        }

        if (indent != 0)
        {
            return "";
        }

        keys.Reverse();
        return string.Join('.', keys);
    }

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^[ \t]*(?:- )?(?<key>[^\s:#\-\[\]{},&*!|>%@'""`?][^\s:]*):(?:[ \t]|$)")]
    private static partial Regex KeyLine();
}

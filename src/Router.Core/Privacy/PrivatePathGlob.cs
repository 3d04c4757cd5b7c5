namespace Router.Core.Privacy;

/// <summary>
/// A private-file pattern such as <c>**/.env</c>, <c>**/*.pem</c> or <c>**/id_rsa*</c>: <c>**</c> spans any number of
/// folders, <c>*</c> and <c>?</c> stay inside one name. Matches relative and absolute paths, with / or \, ignoring case.
/// </summary>
internal sealed class PrivatePathGlob
{
    // A deeper path keeps its remaining folders in the last segment; real paths are nowhere near this deep.
    private const int MaxSegments = 128;

    private readonly string[] _segments;

    public PrivatePathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        _segments = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    public string Pattern { get; }

    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<Range> parts = stackalloc Range[MaxSegments];
        int count = path.AsSpan().SplitAny(parts, "/\\", StringSplitOptions.RemoveEmptyEntries);

        // A relative pattern may match the tail of an absolute path: "config/*.pem" matches "/srv/app/config/tls.pem".
        for (int start = 0; start < count; start++)
        {
            if (MatchSegments(0, path, parts[..count], start))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchSegments(int segment, ReadOnlySpan<char> path, ReadOnlySpan<Range> parts, int part)
    {
        if (segment == _segments.Length)
        {
            return part == parts.Length;
        }

        if (_segments[segment] == "**")
        {
            for (int skip = part; skip <= parts.Length; skip++)
            {
                if (MatchSegments(segment + 1, path, parts, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return part < parts.Length && MatchName(_segments[segment], path[parts[part]]) && MatchSegments(segment + 1, path, parts, part + 1);
    }

    private static bool MatchName(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        // Iterative wildcard match with one backtrack point for the last '*'.
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}

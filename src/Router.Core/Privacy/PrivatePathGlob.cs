namespace Router.Core.Privacy;

/// <summary>
/// A private-file pattern such as <c>**/.env</c>, <c>**/*.pem</c> or <c>**/id_rsa*</c>: <c>**</c> spans any number of
/// folders, <c>*</c> and <c>?</c> stay inside one name. Matches relative and absolute paths, with / or \, ignoring case.
/// </summary>
internal sealed class PrivatePathGlob
{
    /// <summary>Segments of a path that are matched at most: a deeper path is matched by its last ones, since a pattern may
    /// match any tail of a path.</summary>
    public const int MaxSegments = 128;

    private readonly string[] _segments;
    private readonly bool[] _anyFolders;

    public PrivatePathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        _segments = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        _anyFolders = [.. _segments.Select(segment => segment == "**")];
    }

    public string Pattern { get; }

    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<Range> parts = stackalloc Range[MaxSegments];
        int count = Split(path, parts);
        return IsMatch(path, parts[..count]);
    }

    /// <summary>The segments of <paramref name="path"/> (split at / and \), for <see cref="IsMatch(ReadOnlySpan{char}, ReadOnlySpan{Range})"/>,
    /// so that a path tried against every pattern is split once.</summary>
    public static int Split(ReadOnlySpan<char> path, Span<Range> parts)
    {
        // Read from the end, so that a path of more segments than there are ranges keeps its tail, the file's own name
        // among it.
        int count = 0;
        int end = path.Length;
        while (end > 0 && count < parts.Length)
        {
            int separator = path[..end].LastIndexOfAny('/', '\\');
            if (separator < end - 1)
            {
                parts[count++] = new Range(separator + 1, end);
            }

            end = separator < 0 ? 0 : separator;
        }

        parts[..count].Reverse();
        return count;
    }

    public bool IsMatch(ReadOnlySpan<char> path, ReadOnlySpan<Range> parts)
    {
        if (parts.IsEmpty)
        {
            return false;
        }

        // The pattern is run as a set of positions in it, one path segment at a time, so each segment is compared with
        // each pattern segment at most once: the cost grows with path depth × pattern length, however many "**" there
        // are (trying every way of spreading folders over the "**"s grew exponentially with their number).
        int states = _segments.Length + 1;
        Span<bool> current = states <= 256 ? stackalloc bool[states] : new bool[states];
        Span<bool> next = states <= 256 ? stackalloc bool[states] : new bool[states];
        current.Clear();
        foreach (Range part in parts)
        {
            // A relative pattern may match the tail of an absolute path: "config/*.pem" matches
            // "/srv/app/config/tls.pem", so the pattern may also start at this segment.
            Enter(current, 0);
            next.Clear();
            ReadOnlySpan<char> name = path[part];
            for (int position = 0; position < _segments.Length; position++)
            {
                if (!current[position])
                {
                    continue;
                }

                if (_anyFolders[position])
                {
                    Enter(next, position);
                }
                else if (MatchName(_segments[position], name))
                {
                    Enter(next, position + 1);
                }
            }

            Span<bool> swap = current;
            current = next;
            next = swap;
        }

        return current[_segments.Length];
    }

    // Entering a "**" also enters what follows it: "**" may span no folder at all.
    private void Enter(Span<bool> positions, int position)
    {
        while (!positions[position])
        {
            positions[position] = true;
            if (position == _segments.Length || !_anyFolders[position])
            {
                return;
            }

            position++;
        }
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

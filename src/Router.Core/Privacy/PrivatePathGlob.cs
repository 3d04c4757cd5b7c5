namespace Router.Core.Privacy;

/// <summary>
/// A private-file pattern such as <c>**/.env</c>, <c>**/*.pem</c> or <c>**/id_rsa*</c>: <c>**</c> spans any number of
/// folders, <c>*</c> and <c>?</c> stay inside one name. Matches relative and absolute paths, with / or \, ignoring case.
/// </summary>
internal sealed class PrivatePathGlob
{
    /// <summary>Segments a path is split into at most; a deeper path keeps its remaining folders in the last one.</summary>
    public const int MaxSegments = 128;

    private readonly string[] _segments;
    private readonly bool[] _anyFolders;

    // From each segment on: how many name segments are left, and whether a ** is, so that a tail of the path with too
    // few or (with no ** left) too many folders is refused before any name is compared.
    private readonly int[] _namesFrom;
    private readonly bool[] _anyFoldersFrom;

    public PrivatePathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        _segments = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        _anyFolders = [.. _segments.Select(segment => segment == "**")];
        _namesFrom = new int[_segments.Length + 1];
        _anyFoldersFrom = new bool[_segments.Length + 1];
        for (int i = _segments.Length - 1; i >= 0; i--)
        {
            _namesFrom[i] = _namesFrom[i + 1] + (_anyFolders[i] ? 0 : 1);
            _anyFoldersFrom[i] = _anyFoldersFrom[i + 1] || _anyFolders[i];
        }
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
    public static int Split(ReadOnlySpan<char> path, Span<Range> parts) => path.SplitAny(parts, "/\\", StringSplitOptions.RemoveEmptyEntries);

    public bool IsMatch(ReadOnlySpan<char> path, ReadOnlySpan<Range> parts)
    {
        // A relative pattern may match the tail of an absolute path: "config/*.pem" matches "/srv/app/config/tls.pem".
        // One that starts with ** already spans any leading folders, so it needs trying from the start only.
        int lastStart = _anyFolders.Length > 0 && _anyFolders[0] ? Math.Min(0, parts.Length - 1) : parts.Length - 1;
        for (int start = 0; start <= lastStart; start++)
        {
            if (MatchSegments(0, path, parts, start))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchSegments(int segment, ReadOnlySpan<char> path, ReadOnlySpan<Range> parts, int part)
    {
        int left = parts.Length - part;
        if (left < _namesFrom[segment] || (!_anyFoldersFrom[segment] && left != _namesFrom[segment]))
        {
            return false;
        }

        if (segment == _segments.Length)
        {
            return true;
        }

        if (_anyFolders[segment])
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

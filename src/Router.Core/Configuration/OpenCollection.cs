namespace Router.Core.Configuration;

/// <summary>A mapping or list the YAML reader has started and not yet closed: what it holds so far, and the key path
/// its next child will have.</summary>
internal sealed class OpenCollection(bool isMapping, bool isFlow, long line, string path, string? anchor)
{
    private readonly List<ConfigEntry> _entries = [];
    private readonly List<ConfigNode> _items = [];
    private readonly Dictionary<string, long> _keyLines = new(StringComparer.Ordinal);
    private ConfigScalar? _pendingKey;
    private bool _droppingValue;
    private ConfigScalar? _droppedKey;
    private long _expandedSize = 1;
    private int _height = 1;

    public bool IsMapping { get; } = isMapping;

    /// <summary>Written inline (<c>[...]</c> or <c>{...}</c>), so an unclosed bracket is the likely fault when parsing stops in it.</summary>
    public bool IsFlow { get; } = isFlow;

    public long Line { get; } = line;

    public string Path { get; } = path;

    public string? Anchor { get; } = anchor;

    public long ExpandedSize => _expandedSize;

    /// <summary>"[" or "{".</summary>
    public char Opener => IsMapping ? '{' : '[';

    /// <summary>True when the next node read is a key of this mapping.</summary>
    public bool ExpectsKey => IsMapping && _pendingKey is null && !_droppingValue;

    /// <summary>The key path of the node read next: the pending key's, or the next list item's.</summary>
    public string ChildPath => IsMapping
        ? (_pendingKey ?? _droppedKey) is { } key ? Join(Path, key.Value) : Path
        : $"{Path}[{_items.Count}]";

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Adds a key, a value or a list item; a key that is not a single name, or that repeats one, is reported and
    /// its value dropped, so the mapping stays one value per name.</summary>
    /// <param name="pathOfLine">The key path of a line by indentation, for a fault in the top-level mapping, which has no path.</param>
    public void Add(ConfigNode node, ConfigProblems problems, Func<long, string> pathOfLine)
    {
        _expandedSize = SaturatingAdd(_expandedSize, node.ExpandedSize);
        _height = Math.Max(_height, node.Height + 1);
        if (!IsMapping)
        {
            _items.Add(node);
            return;
        }

        if (_droppingValue)
        {
            _droppingValue = false;
            _droppedKey = null;
            return;
        }

        if (_pendingKey is not null)
        {
            _entries.Add(new ConfigEntry(_pendingKey, node));
            _pendingKey = null;
            return;
        }

        if (node is not ConfigScalar key)
        {
            problems.Error(node.Line, Path.Length > 0 ? Path : pathOfLine(node.Line), $"a key must be a single name, not {node.Describe()}");
            _droppingValue = true;
        }
        else if (_keyLines.TryGetValue(key.Value, out long first))
        {
            problems.Error(key.Line, Join(Path, key.Value), $"the key appears twice in one mapping (first on line {first})");
            _droppingValue = true;
            _droppedKey = key;
        }
        else
        {
            _keyLines[key.Value] = key.Line;
            _pendingKey = key;
        }
    }

    public ConfigNode Close() => IsMapping
        ? new ConfigMapping(_entries, Line, _expandedSize, _height)
        : new ConfigSequence(_items, Line, _expandedSize, _height);

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}

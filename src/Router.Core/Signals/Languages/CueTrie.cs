namespace Router.Core.Signals.Languages;

/// <summary>A trie over folded stems, frozen into arrays: each node's edges sorted by character, a "rest of the word"
/// edge for <c>*</c>, and the entries that end at each node. A bitmap of first characters turns most positions away
/// with one look-up.</summary>
internal sealed class CueTrie
{
    /// <summary>The character that stands for <c>*</c> (the rest of a word) in a stem.</summary>
    public const char Wildcard = '\u0001';

    private readonly int[] _edgeStart;
    private readonly int[] _edgeCount;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _wildChild;
    private readonly int[] _entryStart;
    private readonly int[] _entryCount;
    private readonly int[] _entries;
    private readonly ulong[] _firstChars = new ulong[1024];
    private readonly int[] _rootAscii = new int[128];
    private readonly int[]?[] _rootBlocks = new int[]?[256]; // the root's other edges, by the character's high byte
    private readonly int[] _pairs = new int[PairSlots * PairSlots];

    // The nodes two ASCII letters or digits deep, looked up at once: the nodes one letter deep have the most edges.
    private const int PairSlots = 36;

    public CueTrie(IEnumerable<(string Stem, int Entry)> stems)
    {
        ArgumentNullException.ThrowIfNull(stems);
        CueTrieBuilderNode root = new();
        foreach ((string stem, int entry) in stems)
        {
            CueTrieBuilderNode node = root;
            foreach (char c in stem)
            {
                if (c == Wildcard)
                {
                    node = node.Wild ??= new CueTrieBuilderNode();
                    continue;
                }

                if (!node.Children.TryGetValue(c, out CueTrieBuilderNode? child))
                {
                    child = new CueTrieBuilderNode();
                    node.Children.Add(c, child);
                }

                node = child;
            }

            node.Entries.Add(entry);
            _firstChars[stem[0] >> 6] |= 1UL << stem[0];
        }

        // Number the nodes breadth first, then lay out their edges and entries.
        List<CueTrieBuilderNode> nodes = [root];
        for (int i = 0; i < nodes.Count; i++)
        {
            CueTrieBuilderNode node = nodes[i];
            node.Id = i;
            foreach (char c in node.Children.Keys.Order())
            {
                nodes.Add(node.Children[c]);
            }

            if (node.Wild is not null)
            {
                nodes.Add(node.Wild);
            }
        }

        _edgeStart = new int[nodes.Count];
        _edgeCount = new int[nodes.Count];
        _wildChild = new int[nodes.Count];
        _entryStart = new int[nodes.Count];
        _entryCount = new int[nodes.Count];
        List<char> edgeChars = [];
        List<int> edgeTargets = [];
        List<int> entries = [];
        foreach (CueTrieBuilderNode node in nodes)
        {
            _edgeStart[node.Id] = edgeChars.Count;
            foreach (char c in node.Children.Keys.Order())
            {
                edgeChars.Add(c);
                edgeTargets.Add(node.Children[c].Id);
            }

            _edgeCount[node.Id] = edgeChars.Count - _edgeStart[node.Id];
            _wildChild[node.Id] = node.Wild?.Id ?? -1;
            _entryStart[node.Id] = entries.Count;
            entries.AddRange(node.Entries);
            _entryCount[node.Id] = node.Entries.Count;
        }

        _edgeChars = [.. edgeChars];
        _edgeTargets = [.. edgeTargets];
        _entries = [.. entries];
        for (char c = '\0'; c < 128; c++)
        {
            _rootAscii[c] = root.Children.TryGetValue(c, out CueTrieBuilderNode? child) ? child.Id : -1;
        }

        foreach ((char c, CueTrieBuilderNode child) in root.Children)
        {
            if (c >= 128)
            {
                int[] block = _rootBlocks[c >> 8] ??= NewBlock();
                block[c & 0xFF] = child.Id;
            }
        }

        Array.Fill(_pairs, -1);
        foreach ((char first, CueTrieBuilderNode child) in root.Children)
        {
            foreach ((char second, CueTrieBuilderNode grandchild) in child.Children)
            {
                if (PairSlot(first) >= 0 && PairSlot(second) >= 0)
                {
                    _pairs[(PairSlot(first) * PairSlots) + PairSlot(second)] = grandchild.Id;
                }
            }
        }
        IsEmpty = root.Children.Count == 0 && root.Wild is null;
    }

    public bool IsEmpty { get; }

    /// <summary>Whether some stem begins with <paramref name="c"/>.</summary>
    public bool MayStart(char c) => (_firstChars[c >> 6] & (1UL << c)) != 0;

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>, or -1.</summary>
    public int Child(int node, char c)
    {
        if (node == 0)
        {
            return c < 128 ? _rootAscii[c] : _rootBlocks[c >> 8] is { } block ? block[c & 0xFF] : -1;
        }

        int low = _edgeStart[node];
        int high = low + _edgeCount[node] - 1;
        char[] chars = _edgeChars;
        while (high - low > 6)
        {
            int middle = (low + high) >>> 1;
            if (chars[middle] < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (int i = low; i <= high; i++)
        {
            if (chars[i] == c)
            {
                return _edgeTargets[i];
            }
        }

        return -1;
    }

    /// <summary>The node reached from the root by two lower-case ASCII letters or digits, or -1.</summary>
    public int Pair(char first, char second)
    {
        int a = PairSlot(first);
        int b = PairSlot(second);
        return a < 0 || b < 0 ? -1 : _pairs[(a * PairSlots) + b];
    }

    private static int[] NewBlock()
    {
        int[] block = new int[256];
        Array.Fill(block, -1);
        return block;
    }

    private static int PairSlot(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= '0' and <= '9' => 26 + (c - '0'),
        _ => -1,
    };

    /// <summary>The node reached by <c>*</c> from <paramref name="node"/>, or -1.</summary>
    public int WildChild(int node) => _wildChild[node];

    /// <summary>Whether some entry's stem ends at <paramref name="node"/>.</summary>
    public bool HasEntries(int node) => _entryCount[node] != 0;

    /// <summary>The entries whose stems end at <paramref name="node"/>.</summary>
    public ReadOnlySpan<int> EntriesAt(int node) => _entries.AsSpan(_entryStart[node], _entryCount[node]);
}

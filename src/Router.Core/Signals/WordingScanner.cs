using System.Buffers;

namespace Router.Core.Signals;

/// <summary>Reads a text's words once for a set of <see cref="WordingPattern"/>s: one walk of a trie of their start and
/// required words per word of the text, where a search per pattern would read the whole text again for each.</summary>
internal sealed class WordingScanner
{
    private const int Alphabet = 38; // a-z, 0-9, then '#' and '+' (the ends of whole words such as "c#" and "c++")

    // Characters the regex engine's case-insensitive comparison folds onto ASCII letters (Kelvin sign, long s, dotted and
    // dotless i) where a walk over ASCII letters does not; text holding one is tried at every position instead.
    private static readonly SearchValues<char> FoldsOntoAscii = SearchValues.Create("\u212A\u017F\u0130\u0131");

    // The trie slot of each ASCII character: letters (either case) and digits below HashSlot, then '#' and '+'; every other
    // character, '_' included, cannot begin a word. One look-up instead of a classification and a switch per character.
    private const byte HashSlot = 36;
    private const byte NoSlot = 255;
    private static readonly byte[] SlotOfChar = BuildSlots();

    // The trie while it is built, then frozen into arrays for the walk.
    private readonly List<int> _building = [];
    private readonly List<ulong> _buildingStarts = [];
    private readonly List<ulong> _buildingRequired = [];
    private readonly List<bool> _buildingWhole = [];
    private readonly List<byte> _buildingGate = [];
    private readonly int[] _children;
    private readonly ulong[] _masks; // per node: its start-word mask, then its required-word mask, side by side
    private readonly bool[] _wholeWords;
    private readonly byte[] _gate; // per node: GatePrefix when a gate word starts so, GateWhole when a gate word is exactly so
    private readonly Dictionary<WordingPattern, ulong> _bits = [];
    private readonly ulong _needsNothing;
    private readonly ulong _startsWithDigit;

    /// <param name="patterns">The wording patterns (at most 64).</param>
    /// <param name="wholeWords">Words looked up whole, ignoring case (see <see cref="WordingScan.HasWholeWord"/>): ASCII
    /// letters and digits, optionally ending in '#' or '+'.</param>
    /// <param name="gateWords">Words, or beginnings of words, whose presence the scan reports (see
    /// <see cref="WordingScan.HasGateWord"/>), read on the same walk: ASCII letters and digits.</param>
    public WordingScanner(
        IReadOnlyList<WordingPattern> patterns, IEnumerable<string>? wholeWords = null, IEnumerable<(string Word, bool Whole)>? gateWords = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count > 64)
        {
            throw new ArgumentException("At most 64 patterns.", nameof(patterns));
        }

        Patterns = patterns;
        AddNode();
        for (int i = 0; i < patterns.Count; i++)
        {
            ulong bit = 1UL << i;
            _bits.Add(patterns[i], bit);
            foreach (string word in patterns[i].StartWords)
            {
                _buildingStarts[NodeOf(word)] |= bit;
            }

            if (patterns[i].RequiredWords is { } required)
            {
                foreach (string word in required)
                {
                    _buildingRequired[NodeOf(word)] |= bit;
                }
            }
            else
            {
                _needsNothing |= bit;
            }

            if (patterns[i].StartsWithDigit)
            {
                _startsWithDigit |= bit;
            }
        }

        foreach (string word in wholeWords ?? [])
        {
            _buildingWhole[NodeOf(word, allowSuffix: true)] = true;
        }

        foreach ((string word, bool whole) in gateWords ?? [])
        {
            _buildingGate[NodeOf(word)] |= whole ? GateWhole : GatePrefix;
        }

        _children = [.. _building];
        _wholeWords = [.. _buildingWhole];
        _gate = [.. _buildingGate];
        _masks = new ulong[_buildingStarts.Count * 2];
        for (int node = 0; node < _buildingStarts.Count; node++)
        {
            _masks[2 * node] = _buildingStarts[node];
            _masks[(2 * node) + 1] = _buildingRequired[node];
        }
    }

    public IReadOnlyList<WordingPattern> Patterns { get; }

    /// <summary>The bit that stands for <paramref name="pattern"/> in a <see cref="WordStart"/>'s mask.</summary>
    public ulong BitOf(WordingPattern pattern) =>
        _bits.TryGetValue(pattern, out ulong bit) ? bit : throw new ArgumentException("Not one of this scanner's patterns.", nameof(pattern));

    /// <summary>Where each pattern may match in <paramref name="text"/>.</summary>
    public WordingScan Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> span = text;
        List<WordStart> starts = new(capacity: Math.Min(256, (text.Length / 16) + 4));
        ulong required = _needsNothing;
        bool wholeWord = false;
        int gate = 0;
        byte[] gates = _gate;
        byte[] slots = SlotOfChar;
        int[] children = _children;
        ulong[] masks = _masks;
        int i = 0;
        while (i < span.Length)
        {
            char c = span[i];
            if (c >= 128 || slots[c] >= HashSlot)
            {
                i++;
                continue;
            }

            // A word runs over letters, digits and '_'. Every pattern begins with \b, so none can start after a '_'
            // inside a word, and no whole word holds one: the walk stops there, as it does where the trie ends.
            int wordStart = i;
            ulong startMask = 0;
            int node = 0;
            while (true)
            {
                node = children[(node * Alphabet) + slots[c]];
                if (node <= 0)
                {
                    break;
                }

                startMask |= masks[2 * node];
                required |= masks[(2 * node) + 1];
                gate |= gates[node] & GatePrefix;
                if (++i == span.Length || (c = span[i]) >= 128 || slots[c] >= HashSlot)
                {
                    // The whole word was walked: a gate word may be exactly it.
                    gate |= gates[node] & GateWhole;
                    break;
                }
            }

            if (i < span.Length && span[i] == '_')
            {
                node = -1;
            }

            while (i < span.Length && ((c = span[i]) == '_' || (c < 128 && slots[c] < HashSlot)))
            {
                i++;
            }

            if (startMask != 0)
            {
                starts.Add(new WordStart(wordStart, startMask));
            }

            // The word as it is, or with the run of '#' and '+' after it ("c#", "c++").
            wholeWord |= node > 0 && _wholeWords[node];
            for (int suffix = i; node > 0 && suffix < span.Length && span[suffix] is '#' or '+'; suffix++)
            {
                node = children[(node * Alphabet) + Slot(span[suffix])];
                if (node > 0 && (suffix + 1 == span.Length || span[suffix + 1] is not ('#' or '+')))
                {
                    wholeWord |= _wholeWords[node];
                }
            }
        }

        ulong everywhere = 0;
        if (span.ContainsAny(FoldsOntoAscii))
        {
            everywhere = ulong.MaxValue;
        }
        else if (_startsWithDigit != 0 && HoldsNonAsciiDigit(span))
        {
            everywhere = _startsWithDigit;
        }

        return new WordingScan(this, text, starts, required | everywhere, everywhere, wholeWord, gate != 0);
    }

    private static byte[] BuildSlots()
    {
        byte[] slots = new byte[128];
        for (int c = 0; c < slots.Length; c++)
        {
            slots[c] = char.IsAsciiLetterOrDigit((char)c) || c is '#' or '+' ? (byte)Slot((char)c) : NoSlot;
        }

        return slots;
    }

    private static int Slot(char c) => c switch
    {
        '#' => 36,
        '+' => 37,
        <= '9' => 26 + (c - '0'),
        _ => (c | 0x20) - 'a',
    };

    private int NodeOf(string word, bool allowSuffix = false)
    {
        int node = 0;
        bool inSuffix = false;
        foreach (char c in word)
        {
            inSuffix |= allowSuffix && node > 0 && c is '#' or '+';
            if (inSuffix ? c is not ('#' or '+') : !char.IsAsciiLetterOrDigit(c))
            {
                throw new ArgumentException($"Words are ASCII letters and digits (whole words may end in '#' or '+'): \"{word}\".", nameof(word));
            }

            int slot = (node * Alphabet) + Slot(c);
            if (_building[slot] <= 0)
            {
                _building[slot] = AddNode();
            }

            node = _building[slot];
        }

        return node;
    }

    private const byte GatePrefix = 1;
    private const byte GateWhole = 2;

    // A missing child is -1, so the walk stops; the root (0) is never a child.
    private int AddNode()
    {
        int node = _buildingStarts.Count;
        _buildingStarts.Add(0);
        _buildingRequired.Add(0);
        _buildingWhole.Add(false);
        _buildingGate.Add(0);
        for (int c = 0; c < Alphabet; c++)
        {
            _building.Add(-1);
        }

        return node;
    }

    private static bool HoldsNonAsciiDigit(ReadOnlySpan<char> text)
    {
        // Only digits outside ASCII count: after the first character outside ASCII, an ASCII digit is no reason to try
        // the digit patterns at every position (it did, and a Chinese prompt with a number in it paid several times over).
        for (int i = text.IndexOfAnyExceptInRange('\0', '\u007F'); i >= 0 && i < text.Length; i++)
        {
            if (text[i] > '\u007F' && char.IsDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}

namespace Router.Core.Signals.Languages;

/// <summary>A node of a <see cref="CueTrie"/> while it is built, before it is frozen into arrays.</summary>
internal sealed class CueTrieBuilderNode
{
    public Dictionary<char, CueTrieBuilderNode> Children { get; } = [];

    /// <summary>The node reached by <c>*</c> (the rest of a word), if any.</summary>
    public CueTrieBuilderNode? Wild { get; set; }

    public List<int> Entries { get; } = [];

    public int Id { get; set; }
}

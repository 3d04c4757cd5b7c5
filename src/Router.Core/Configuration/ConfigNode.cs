namespace Router.Core.Configuration;

/// <summary>A node of a configuration file as read from YAML: where it starts, and what reading it would cost if every
/// alias in it were expanded.</summary>
/// <remarks>An alias shares its anchor's node rather than copying it, so the tree stays as small as the file; the
/// expanded figures are what a walk over it would visit, which the reader bounds.</remarks>
internal abstract class ConfigNode(long line, long expandedSize, int height)
{
    /// <summary>1-based line of the node's first character.</summary>
    public long Line { get; } = line;

    /// <summary>Nodes plus scalar characters a full walk would visit, every alias expanded.</summary>
    public long ExpandedSize { get; } = expandedSize;

    /// <summary>Levels below this node, every alias expanded (0 for a scalar).</summary>
    public int Height { get; } = height;

    /// <summary>What the node is, for messages: "a value", "a mapping", "a list".</summary>
    public abstract string Describe();
}

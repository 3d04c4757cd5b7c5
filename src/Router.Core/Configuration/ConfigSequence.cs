namespace Router.Core.Configuration;

/// <summary>A list.</summary>
internal sealed class ConfigSequence(IReadOnlyList<ConfigNode> items, long line, long expandedSize, int height)
    : ConfigNode(line, expandedSize, height)
{
    public IReadOnlyList<ConfigNode> Items { get; } = items;

    public override string Describe() => "a list";
}

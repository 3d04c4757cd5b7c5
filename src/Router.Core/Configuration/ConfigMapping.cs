namespace Router.Core.Configuration;

/// <summary>A mapping in file order; the reader has refused duplicate keys and keys that are not single names.</summary>
internal sealed class ConfigMapping(IReadOnlyList<ConfigEntry> entries, long line, long expandedSize, int height)
    : ConfigNode(line, expandedSize, height)
{
    public IReadOnlyList<ConfigEntry> Entries { get; } = entries;

    /// <summary>The value under <paramref name="name"/>, or null.</summary>
    public ConfigNode? Find(string name)
    {
        foreach (ConfigEntry entry in Entries)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    public override string Describe() => "a mapping";
}

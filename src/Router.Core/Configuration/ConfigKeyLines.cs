namespace Router.Core.Configuration;

/// <summary>The line of every mapping key in a configuration file, by its dotted path ("tiers.code.model" → 12).</summary>
/// <remarks>Items of lists have no dotted path and are left out; the reader has already bounded the tree's size, depth and
/// aliases.</remarks>
internal static class ConfigKeyLines
{
    public static IReadOnlyDictionary<string, long> Of(ConfigMapping root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Dictionary<string, long> lines = new(StringComparer.Ordinal);
        Walk(root, "", lines);
        return lines;
    }

    private static void Walk(ConfigMapping mapping, string prefix, Dictionary<string, long> lines)
    {
        foreach (ConfigEntry entry in mapping.Entries)
        {
            string path = prefix + entry.Name;
            lines.TryAdd(path, entry.Key.Line);
            if (entry.Value is ConfigMapping inner)
            {
                Walk(inner, path + ".", lines);
            }
        }
    }
}

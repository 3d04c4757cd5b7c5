namespace Router.Emulator.Generation;

/// <summary>FNV-1a: a hash that is the same in every process, so the same input always gives the same output.</summary>
internal static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>Picks one of <paramref name="choices"/> by the hash of a seed text and a salt.</summary>
    public static T Pick<T>(IReadOnlyList<T> choices, uint seed, int salt) =>
        choices[(int)(((seed ^ (uint)salt) * 2654435761u >> 8) % (uint)choices.Count)];
}

using Router.Backends.Providers;

namespace Router.Backends.Tests;

/// <summary>Reads a provider's whole answer.</summary>
internal static class ModelChunks
{
    public static async Task<List<ModelChunk>> CollectAsync(IAsyncEnumerable<ModelChunk> chunks)
    {
        var all = new List<ModelChunk>();
        await foreach (var chunk in chunks)
        {
            all.Add(chunk);
        }

        return all;
    }
}

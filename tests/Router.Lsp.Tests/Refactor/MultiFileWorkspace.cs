namespace Router.Lsp.Tests.Refactor;

/// <summary>A workspace folder on disk for multi-file refactors (new files must not exist there), removed afterwards.</summary>
internal sealed class MultiFileWorkspace : IDisposable
{
    public MultiFileWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "router-refactor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "src"));
    }

    public string Root { get; }

    public string RootUri => new Uri(Root + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

    /// <summary>The URI of a workspace-relative path.</summary>
    public string Uri(string relative) => new Uri(Path.Combine(Root, relative)).AbsoluteUri;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder harms nothing.
        }
    }
}

namespace Router.Core.Configuration;

/// <summary>Privacy mode and the globs of files whose presence makes a request private.</summary>
public sealed record PrivacyConfig(PrivacyMode Mode, IReadOnlyList<string> PrivatePaths)
{
    /// <summary>True lets a request with images reach a cloud endpoint; false (the default) keeps it local, since no scan
    /// can tell what an image shows.</summary>
    public bool ImagesToCloud { get; init; }
}

namespace Router.Core.Configuration;

/// <summary>Privacy mode and the globs of files whose presence makes a request private.</summary>
public sealed record PrivacyConfig(PrivacyMode Mode, IReadOnlyList<string> PrivatePaths);

namespace Router.Core.Configuration;

/// <summary>Auto: private only when a secret or private path is found. LocalOnly: every request is private.</summary>
public enum PrivacyMode
{
    Auto,
    LocalOnly,
}

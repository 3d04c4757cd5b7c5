namespace Router.Core.Configuration;

/// <summary>An error makes a configuration unusable; a warning is reported and the configuration is used.</summary>
public enum ConfigSeverity
{
    Warning,
    Error,
}

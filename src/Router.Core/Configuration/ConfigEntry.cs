namespace Router.Core.Configuration;

/// <summary>One <c>key: value</c> of a mapping.</summary>
internal sealed record ConfigEntry(ConfigScalar Key, ConfigNode Value)
{
    public string Name => Key.Value;
}

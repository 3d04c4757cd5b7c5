namespace Router.Core.Requests;

/// <summary>A capability level a request can be sent to; each maps to a model in the configuration.</summary>
public enum Tier
{
    Quick,
    Code,
    Reasoning,
    Heavy,
    Frontier,
    Vision,
}

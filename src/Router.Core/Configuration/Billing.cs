namespace Router.Core.Configuration;

/// <summary>How an endpoint is paid for; fallback and escalation prefer the cheaper kind ("route first, spend second").</summary>
public enum Billing
{
    /// <summary>Own hardware: nothing to pay per request.</summary>
    Free,

    /// <summary>A flat plan with a usage allowance (Ollama's cloud, a team's proxy): paid already, but limited.</summary>
    Subscription,

    /// <summary>Paid per token (a cloud API key).</summary>
    Metered,
}

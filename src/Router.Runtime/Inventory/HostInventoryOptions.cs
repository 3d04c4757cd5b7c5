namespace Router.Runtime.Inventory;

/// <summary>How long the inventory waits on a host and how long what it learned stays fresh.</summary>
public sealed record HostInventoryOptions
{
    /// <summary>TCP connect limit of the HttpClient the inventory makes for itself (ignored when one is passed in).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Limit for a whole probe of one host (its model list, loaded models and version together).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a host's model list and loaded models are reused before a new probe.</summary>
    public TimeSpan StatusTtl { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a model's capabilities and context length (/api/show) are reused; they change only on a new pull.</summary>
    public TimeSpan ModelInfoTtl { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a model that just answered counts as loaded when the answer named no keep_alive (Ollama's default).</summary>
    public TimeSpan DefaultKeepAlive { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock for freshness and keep-alive expiry; tests pass their own.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

namespace Router.Core.Configuration;

/// <summary>A model host: how to reach it and whether it is a cloud service (never used for private requests).</summary>
/// <param name="Url">Base URL; null for a cloud provider's public default.</param>
/// <param name="ApiKeyEnv">Name of the environment variable holding the key; the key itself is never stored here.</param>
public sealed record EndpointConfig(string Name, ProviderKind Provider, Uri? Url, string? ApiKeyEnv, bool Cloud)
{
    /// <summary>The fill-in-the-middle mode router.yaml sets (<c>fim:</c>); null detects it from the server.</summary>
    public FillInTheMiddleMode? FillInTheMiddle { get; init; }

    /// <summary>The billing router.yaml declares (<c>billing:</c>); null when it declares none.</summary>
    public Billing? DeclaredBilling { get; init; }

    /// <summary>How the endpoint is paid for: as declared, else free for a local host, subscription for an Ollama cloud
    /// endpoint (one with a key) and metered for other cloud APIs.</summary>
    public Billing Billing => DeclaredBilling ?? (!Cloud ? Billing.Free : Provider == ProviderKind.Ollama ? Billing.Subscription : Billing.Metered);

    /// <summary>The host's GPU memory in GB (10^9 bytes) that models may fill (<c>vramGb:</c>), for placement; null leaves it
    /// to what the host's <c>/api/ps</c> shows.</summary>
    public double? VramGb { get; init; }
}

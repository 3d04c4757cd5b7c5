using Router.Core.Configuration;

namespace Router.Runtime.Inventory;

/// <summary>What the last probe of one endpoint found: whether it answered, its models, what is loaded, its version.</summary>
/// <param name="Endpoint">The configuration's endpoint name.</param>
/// <param name="Reachable">The host answered its model list; null when it is not probed (a cloud or Anthropic endpoint).</param>
/// <param name="Error">Why the probe failed, when it did.</param>
/// <param name="Version">The server's version (Ollama's <c>/api/version</c>); null when unknown.</param>
/// <param name="ModelsPresent">The models the host has (<c>/api/tags</c> or <c>/v1/models</c>); null when unknown.</param>
/// <param name="LoadedModels">The models in memory (Ollama's <c>/api/ps</c>, plus models that just answered); null when unknown.</param>
/// <param name="ProbedAt">When the probe started (by the inventory's clock).</param>
/// <param name="KeyVariable">The environment variable the endpoint's key comes from, if any (never its value).</param>
/// <param name="KeyMissing">A key variable is configured but unset or blank.</param>
public sealed record EndpointSnapshot(
    string Endpoint,
    ProviderKind Provider,
    bool? Reachable,
    string? Error,
    string? Version,
    IReadOnlyList<string>? ModelsPresent,
    IReadOnlyList<LoadedModel>? LoadedModels,
    DateTimeOffset ProbedAt,
    string? KeyVariable,
    bool KeyMissing)
{
    /// <summary>Each present model's size on disk by the host's name for it (Ollama's <c>/api/tags</c>); null when unknown.</summary>
    public IReadOnlyDictionary<string, long>? ModelSizes { get; init; }

    /// <summary>Whether the host has <paramref name="model"/> (Ollama's naming: no tag means ":latest"); null when unknown.</summary>
    public bool? HasModel(string model) => ModelsPresent is null ? null : FindPresent(model) is not null;

    /// <summary>The host's own name for <paramref name="model"/>, or null when it does not have it.</summary>
    public string? FindPresent(string model) =>
        ModelsPresent?.FirstOrDefault(name => OllamaModelName.SameModel(name, model));

    /// <summary>The loaded entry for <paramref name="model"/> that has not expired at <paramref name="now"/>, or null.</summary>
    public LoadedModel? FindLoaded(string model, DateTimeOffset now) =>
        LoadedModels?.FirstOrDefault(m => OllamaModelName.SameModel(m.Name, model) && (m.ExpiresAt is null || m.ExpiresAt > now));
}

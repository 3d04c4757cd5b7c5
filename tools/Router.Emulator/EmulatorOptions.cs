namespace Router.Emulator;

/// <summary>What an emulated Ollama host serves and how it behaves.</summary>
public sealed record EmulatorOptions
{
    public IReadOnlyList<ModelProfile> Models { get; init; } = BuiltInModelProfiles.All;

    /// <summary>Total GPU memory; idle models are unloaded to fit, in Ollama's order (24 GB by default).</summary>
    public long VramBudgetBytes { get; init; } = 24_000_000_000;

    /// <summary>As OLLAMA_MAX_LOADED_MODELS (Ollama's default on one GPU or on CPU is 3).</summary>
    public int MaxLoadedModels { get; init; } = 3;

    /// <summary>As OLLAMA_NUM_PARALLEL: requests one loaded model answers at once; more wait in arrival order (Ollama's default is 1).</summary>
    public int NumParallel { get; init; } = 1;

    /// <summary>As OLLAMA_KEEP_ALIVE: how long a model stays loaded after a request that names no keep_alive.</summary>
    public TimeSpan DefaultKeepAlive { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Multiplies every simulated delay: 1 is real time, 0.1 ten times faster, 0 instant.
    /// Reported durations stay at their real-time values.</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Clock for keep_alive expiry and created_at; tests pass their own to move time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>When set, the OpenAI- and Anthropic-shaped endpoints (/v1/...) answer 401 unless the request carries
    /// this key as <c>Authorization: Bearer</c> or <c>x-api-key</c>; null accepts any request, as a local server does.</summary>
    public string? ApiKey { get; init; }

    /// <summary>When set, the Ollama API (/api/...) answers 401 <c>unauthorized</c> unless the request carries this key as
    /// <c>Authorization: Bearer</c>, as Ollama's cloud does; null accepts any request, as a local Ollama does.</summary>
    public string? OllamaApiKey { get; init; }

    /// <summary>The server the emulator answers as (Ollama by default); see <see cref="EmulatorFlavour"/>.</summary>
    public EmulatorFlavour Flavour { get; init; }

    /// <summary>What GET /v1/models names as owner instead of the flavour's own, as a proxy in front of the server would
    /// (LiteLLM writes "openai"); null keeps the flavour's.</summary>
    public string? OwnedBy { get; init; }

    /// <summary>As Ollama's runner keeps the last prompt of a loaded model in its KV cache: a prompt that begins as the
    /// previous one did is evaluated only past the shared part (a smaller prompt_eval_count, a shorter prompt_eval_duration).
    /// Off by default, so that every request reports its whole prompt.</summary>
    public bool PromptCache { get; init; }

    /// <summary>Rejects settings the emulator cannot honour, naming the first one.</summary>
    public void Validate()
    {
        // A fresh Ollama has pulled nothing; the other servers always serve the one model they were started with.
        if (Models.Count == 0 && Flavour != EmulatorFlavour.Ollama)
        {
            throw new ArgumentException("The emulator needs at least one model profile.");
        }

        if (MaxLoadedModels < 1)
        {
            throw new ArgumentException($"MaxLoadedModels must be at least 1, not {MaxLoadedModels}.");
        }

        if (NumParallel < 1)
        {
            throw new ArgumentException($"NumParallel must be at least 1, not {NumParallel}.");
        }

        if (VramBudgetBytes <= 0)
        {
            throw new ArgumentException("VramBudgetBytes must be positive.");
        }

        if (TimeScale < 0 || double.IsNaN(TimeScale))
        {
            throw new ArgumentException($"TimeScale must be 0 or more, not {TimeScale}.");
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {Port} is out of range.");
        }

        var duplicate = Models.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Model '{duplicate.Key}' is listed twice.");
        }

        foreach (var model in Models)
        {
            if (model.TokensPerSecond <= 0)
            {
                throw new ArgumentException($"Model '{model.Name}': tokensPerSecond must be positive.");
            }

            if (model.VramBytes <= 0 || model.SizeBytes <= 0 || model.ContextLength <= 0)
            {
                throw new ArgumentException($"Model '{model.Name}': sizes and context length must be positive.");
            }
        }
    }
}

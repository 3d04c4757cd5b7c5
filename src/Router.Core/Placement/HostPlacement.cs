namespace Router.Core.Placement;

/// <summary>One host's placement: the models kept resident, those loaded only when asked for, and those that cannot fit.</summary>
/// <param name="BudgetBytes">The host's GPU memory the plan fills.</param>
/// <param name="Kept">Resident for good (keep_alive -1), largest saving first.</param>
/// <param name="Transient">Loaded when asked for (a short keep_alive); each fits beside the kept ones, so loading one never
/// evicts a kept model.</param>
/// <param name="TooLarge">Larger than the whole budget: never fully on this GPU.</param>
public sealed record HostPlacement(
    string Host,
    long BudgetBytes,
    IReadOnlyList<PlacementCandidate> Kept,
    IReadOnlyList<PlacementCandidate> Transient,
    IReadOnlyList<PlacementCandidate> TooLarge)
{
    /// <summary>Loaded when asked for, but too large to sit beside the kept models: serving one unloads kept models. The plan
    /// names them so they can be given another host, or the host more memory.</summary>
    public IReadOnlyList<PlacementCandidate> Displacing { get; init; } = [];

    public long KeptBytes => Kept.Sum(c => c.VramBytes);

    /// <summary>Room left beside the kept models for one transient model at a time.</summary>
    public long ReserveBytes => Transient.Count == 0 ? 0 : Transient.Max(c => c.VramBytes);

    public double SavedSecondsPerHour => Kept.Sum(c => c.SavedSecondsPerHour);

    /// <summary>OLLAMA_MAX_LOADED_MODELS that fits the plan: the kept models and one other at a time.</summary>
    public int MaxLoadedModels => Math.Max(1, Kept.Count + (Transient.Count + Displacing.Count > 0 ? 1 : 0));

    public bool Keeps(string model) => Kept.Any(c => string.Equals(c.Model, model, StringComparison.Ordinal));
}

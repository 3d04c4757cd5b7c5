namespace Router.Cli.Doctor;

/// <summary>One configured tier: its model, and how each of its endpoints serves it.</summary>
/// <param name="Usable">At least one endpoint is reachable and has the model (a cloud endpoint: has its key).</param>
internal sealed record TierFinding(string Tier, string Model, int ConfiguredContextTokens, bool Usable, IReadOnlyList<TierHostFinding> Hosts);

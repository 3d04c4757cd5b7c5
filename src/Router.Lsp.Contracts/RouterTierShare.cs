namespace Router.Lsp.Contracts;

/// <summary>One tier's share of today's requests, for the status bar's tooltip.</summary>
/// <param name="Share">A fraction, 0 to 1.</param>
public sealed record RouterTierShare(string Tier, int Requests, double Share);

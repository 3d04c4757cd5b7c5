namespace Router.Emulator.Wire;

/// <summary>The answer of GET /api/ps.</summary>
internal sealed record PsBody(IReadOnlyList<PsModelBody> Models);

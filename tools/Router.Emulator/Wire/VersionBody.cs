namespace Router.Emulator.Wire;

/// <summary>The answer of GET /api/version.</summary>
internal sealed record VersionBody(string Version);

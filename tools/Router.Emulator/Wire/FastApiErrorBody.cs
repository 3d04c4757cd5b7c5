namespace Router.Emulator.Wire;

/// <summary>FastAPI's answer for a route it lacks: {"detail":"Not Found"}.</summary>
internal sealed record FastApiErrorBody(string Detail);

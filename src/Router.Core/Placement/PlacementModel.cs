namespace Router.Core.Placement;

/// <summary>What a host says of one model it has, for placement: its memory estimate and what a load of it costs there.</summary>
/// <param name="ContextTokens">The context it is loaded with on every request (the same <c>num_ctx</c> each time, so Ollama
/// never reloads it for a different one); the estimate is for this context.</param>
public sealed record PlacementModel(string Model, VramEstimate Vram, double LoadSeconds, int ContextTokens);

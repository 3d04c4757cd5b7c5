namespace Router.Emulator.Wire;

/// <summary>GET /props of llama.cpp's server.</summary>
internal sealed record LlamaPropsBody(LlamaGenerationSettingsBody DefaultGenerationSettings, int TotalSlots, string ModelPath, string BuildInfo);

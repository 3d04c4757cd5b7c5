namespace Router.Emulator.Wire;

/// <summary>The generation defaults /props reports.</summary>
internal sealed record LlamaGenerationSettingsBody(int NCtx, int NPredict, double Temperature);

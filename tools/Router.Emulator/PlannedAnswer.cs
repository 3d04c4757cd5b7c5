using Router.Emulator.Generation;

namespace Router.Emulator;

/// <summary>Everything decided before an answer is sent: model, tokens, streaming, keep_alive and faults.</summary>
/// <param name="Prompt">The prompt as the model's runner sees it, for <see cref="EmulatorOptions.PromptCache"/>; null when the
/// API has none to cache.</param>
internal sealed record PlannedAnswer(ModelProfile Profile, GenerationPlan Plan, bool Stream, TimeSpan KeepAlive, EmulatorFaultSet Fault, string? Prompt = null);

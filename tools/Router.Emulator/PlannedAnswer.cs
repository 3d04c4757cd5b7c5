using Router.Emulator.Generation;

namespace Router.Emulator;

/// <summary>Everything decided before an answer is sent: model, tokens, streaming, keep_alive and faults.</summary>
internal sealed record PlannedAnswer(ModelProfile Profile, GenerationPlan Plan, bool Stream, TimeSpan KeepAlive, EmulatorFaultSet Fault);

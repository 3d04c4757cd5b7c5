namespace Router.Emulator;

/// <summary>The statistics of the final chunk, at real-time values whatever the time scale.</summary>
internal sealed record AnswerTimings(TimeSpan Total, TimeSpan Load, int PromptEvalCount, TimeSpan PromptEval, int EvalCount, TimeSpan Eval);

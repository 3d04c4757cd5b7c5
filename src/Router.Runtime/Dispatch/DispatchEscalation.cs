using Router.Core.Requests;
using Router.Quality;

namespace Router.Runtime.Dispatch;

/// <summary>What happened after the first answer was judged weak: where it was retried (at most once) and which answer was kept.</summary>
/// <param name="FirstVerdict">Why the first answer was weak.</param>
/// <param name="ToTier">The tier asked again; null when no escalation was allowed or every endpoint of it failed before answering.</param>
/// <param name="SecondVerdict">The judgement of the escalated answer; null when there was none.</param>
/// <param name="ReturnedEscalated">True when the result's text is the escalated answer.</param>
/// <param name="Summary">In words, e.g. "empty answer from quick qwen2.5:3b on laptop; retried on code qwen2.5-coder:14b on gpu-box: answer looks sound".</param>
public sealed record DispatchEscalation(
    Tier FromTier,
    string FromModel,
    string FromEndpoint,
    AnswerVerdict FirstVerdict,
    Tier? ToTier,
    string? ToModel,
    string? ToEndpoint,
    AnswerVerdict? SecondVerdict,
    bool ReturnedEscalated,
    string Summary);

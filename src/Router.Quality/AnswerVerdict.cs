namespace Router.Quality;

/// <summary>Whether an answer is weak enough to retry one tier up, and why in plain words.</summary>
public sealed record AnswerVerdict(bool IsWeak, string Reason)
{
    /// <summary>An answer with nothing wrong found.</summary>
    public static AnswerVerdict Sound { get; } = new(false, "answer looks sound");

    public static AnswerVerdict Weak(string reason) => new(true, reason);
}

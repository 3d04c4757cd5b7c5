namespace Router.Core.Quality;

/// <summary>Judges an answer after it arrived, so a weak one can be retried on the next tier of the escalation order.</summary>
public static class AnswerQuality
{
    /// <summary>The first weakness found in <paramref name="check"/>'s answer, or <see cref="AnswerVerdict.Sound"/>.</summary>
    public static AnswerVerdict Judge(AnswerCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (string.IsNullOrWhiteSpace(check.Answer))
        {
            return AnswerVerdict.Weak("empty answer");
        }

        if (string.Equals(check.DoneReason, "length", StringComparison.OrdinalIgnoreCase))
        {
            return AnswerVerdict.Weak("cut off by the token limit");
        }

        return AnswerVerdict.Sound;
    }
}

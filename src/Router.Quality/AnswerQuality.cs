using Router.Core.Requests;

namespace Router.Quality;

/// <summary>Judges an answer after it arrived, so a weak one can be retried on the next tier of the escalation order.</summary>
public static class AnswerQuality
{
    /// <summary>The first weakness found in <paramref name="check"/>'s answer, or <see cref="AnswerVerdict.Sound"/>.
    /// In order: empty, cut off, refused, looping, far too short, code that does not parse or balance.</summary>
    public static AnswerVerdict Judge(AnswerCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (string.IsNullOrWhiteSpace(check.Answer))
        {
            return AnswerVerdict.Weak("empty answer");
        }

        if (StopReason(check.DoneReason) is { } stopped)
        {
            return AnswerVerdict.Weak(stopped);
        }

        // Reasoning models (deepseek-r1, qwq) put their thinking first; only what follows it answers the task.
        check = check with { Answer = WithoutReasoning(check.Answer) };
        if (string.IsNullOrWhiteSpace(check.Answer))
        {
            return AnswerVerdict.Weak("empty answer: only reasoning, no answer after it");
        }

        bool fenced = CodeBlockExtractor.Extract(check.Answer, bareIsCode: false).Count > 0;
        // A bare refactor answer is all code, where a repeated line is no sentence said twice.
        string prose = fenced ? CodeBlockExtractor.Prose(check.Answer) : check.Kind == RequestKind.Refactor ? "" : check.Answer;
        string? weakness = RefusalCheck.Find(check.Answer)
            ?? RepetitionCheck.Find(check.Answer, prose)
            ?? ShortAnswerCheck.Find(check)
            ?? CodeSyntaxCheck.Find(check);
        return weakness is null ? AnswerVerdict.Sound : AnswerVerdict.Weak(weakness);
    }

    private static string WithoutReasoning(string answer)
    {
        ReadOnlySpan<char> text = answer.AsSpan().TrimStart();
        foreach ((string open, string close) in (ReadOnlySpan<(string, string)>)[("<think>", "</think>"), ("<thinking>", "</thinking>")])
        {
            if (!text.StartsWith(open, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            int end = text.IndexOf(close, StringComparison.OrdinalIgnoreCase);
            return end < 0 ? "" : text[(end + close.Length)..].ToString();
        }

        return answer;
    }

    // Ollama and OpenAI say "length", Anthropic "max_tokens"; OpenAI's filter and Anthropic's refusal also end early.
    private static string? StopReason(string? doneReason) => doneReason?.Trim().ToUpperInvariant() switch
    {
        "LENGTH" or "MAX_TOKENS" or "MAX_OUTPUT_TOKENS" or "MODEL_LENGTH" => "cut off by the token limit",
        "CONTENT_FILTER" => "stopped by the server's content filter",
        "REFUSAL" => "refusal: the server reports the model declined",
        _ => null,
    };
}

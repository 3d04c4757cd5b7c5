using Router.Emulator.Wire;

namespace Router.Emulator.Generation;

/// <summary>The tokens an answer will stream and why it stops, after num_predict and stop sequences are applied.</summary>
internal sealed record GenerationPlan(IReadOnlyList<string> Tokens, string DoneReason, int PromptTokens)
{
    public string Text => string.Concat(Tokens);

    /// <summary>Ollama's default num_ctx when a request sets none.</summary>
    public const int DefaultContextTokens = 4096;

    public static GenerationPlan Create(string fullText, RequestOptionsBody? options, int promptTokens, int modelContextLength)
    {
        var text = fullText;
        foreach (var stop in options?.Stop ?? [])
        {
            if (stop.Length == 0)
            {
                continue;
            }

            // Ollama never emits the stop sequence itself.
            var at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text[..at];
            }
        }

        var tokens = Tokenizer.Split(text);
        var reason = "stop";
        if (options?.NumPredict is >= 0 and var limit && tokens.Count > limit)
        {
            tokens = tokens.Take(limit).ToList();
            reason = "length";
        }

        // Ollama truncates a prompt longer than the context window, so it never evaluates more than num_ctx tokens.
        var window = Math.Min(options?.NumCtx ?? DefaultContextTokens, modelContextLength);
        return new GenerationPlan(tokens, reason, Math.Clamp(promptTokens, 1, Math.Max(1, window)));
    }
}

namespace Router.Core.FillInTheMiddle;

/// <summary>The fill-in-the-middle templates of the coder model families people run locally, as their model cards give them.</summary>
public static class FillInTheMiddleTemplates
{
    public static FillInTheMiddleTemplate QwenCoder { get; } = new(
        "qwen2.5-coder",
        "<|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>",
        ["<|endoftext|>", "<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>", "<|im_start|>", "<|im_end|>"]);

    public static FillInTheMiddleTemplate DeepSeekCoder { get; } = new(
        "deepseek-coder",
        "<｜fim▁begin｜>{prefix}<｜fim▁hole｜>{suffix}<｜fim▁end｜>",
        ["<｜fim▁begin｜>", "<｜fim▁hole｜>", "<｜fim▁end｜>", "<｜end▁of▁sentence｜>", "<|EOT|>"]);

    public static FillInTheMiddleTemplate StarCoder { get; } = new(
        "starcoder2",
        "<fim_prefix>{prefix}<fim_suffix>{suffix}<fim_middle>",
        ["<|endoftext|>", "<fim_prefix>", "<fim_suffix>", "<fim_middle>", "<fim_pad>", "<file_sep>", "<repo_name>"]);

    // CodeLlama's tokenizer expects the spaces around the prefix and before <MID>.
    public static FillInTheMiddleTemplate CodeLlama { get; } = new(
        "codellama",
        "<PRE> {prefix} <SUF>{suffix} <MID>",
        ["<EOT>", "<PRE>", "<SUF>", "<MID>", "</s>"]);

    // Codestral puts the suffix first.
    public static FillInTheMiddleTemplate Codestral { get; } = new(
        "codestral",
        "[SUFFIX]{suffix}[PREFIX]{prefix}",
        ["[SUFFIX]", "[PREFIX]", "[MIDDLE]", "</s>"]);

    /// <summary>Every family's markup but <c>&lt;/s&gt;</c>, which is also HTML: no answer shows any of it, whichever model wrote it.</summary>
    public static IReadOnlyList<string> AllMarkup { get; } =
        new[] { QwenCoder, DeepSeekCoder, StarCoder, CodeLlama, Codestral }
            .SelectMany(t => t.SpecialTokens)
            .Where(t => t != "</s>")
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The answer up to the first markup of any family (a server may serve a model under a name no family matches).</summary>
    public static string CutAtAnyFillInTheMiddleToken(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        int cut = answer.Length;
        foreach (string token in AllMarkup)
        {
            int at = answer.IndexOf(token, 0, cut, StringComparison.Ordinal);
            if (at >= 0)
            {
                cut = at;
            }
        }

        return answer[..cut];
    }

    /// <summary>The template for a model name as hosts spell it ("qwen2.5-coder:14b", "Qwen/Qwen2.5-Coder-7B", "deepseek-coder-v2:16b"),
    /// or null when the family is unknown and the model can only continue the prefix.</summary>
    public static FillInTheMiddleTemplate? ForModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string name = model.ToLowerInvariant();
        return name switch
        {
            _ when name.Contains("qwen", StringComparison.Ordinal) && name.Contains("coder", StringComparison.Ordinal) => QwenCoder,
            _ when name.Contains("deepseek-coder", StringComparison.Ordinal) || name.Contains("deepseek_coder", StringComparison.Ordinal) => DeepSeekCoder,
            _ when name.Contains("starcoder", StringComparison.Ordinal) => StarCoder,
            _ when name.Contains("codellama", StringComparison.Ordinal) || name.Contains("code-llama", StringComparison.Ordinal) => CodeLlama,
            _ when name.Contains("codestral", StringComparison.Ordinal) => Codestral,
            _ => null,
        };
    }
}

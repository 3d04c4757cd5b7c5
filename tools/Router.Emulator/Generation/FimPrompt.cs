namespace Router.Emulator.Generation;

/// <summary>Finds prefix and suffix inside a raw fill-in-the-middle prompt (Qwen, StarCoder, CodeLlama, DeepSeek Coder or
/// Codestral tokens), and the token that family's model is apt to write when it runs on past its middle.</summary>
internal static class FimPrompt
{
    private static readonly (string Prefix, string Suffix, string Middle, string RunOn)[] Formats =
    [
        ("<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", "<|file_sep|>"),
        ("<fim_prefix>", "<fim_suffix>", "<fim_middle>", "<file_sep>"),
        ("<PRE>", "<SUF>", "<MID>", " <EOT>"),
        ("<｜fim▁begin｜>", "<｜fim▁hole｜>", "<｜fim▁end｜>", "<|EOT|>"),
    ];

    private const string CodestralSuffix = "[SUFFIX]";
    private const string CodestralPrefix = "[PREFIX]";

    public static bool TryParse(string prompt, out string prefix, out string suffix) => TryParse(prompt, out prefix, out suffix, out _);

    public static bool TryParse(string prompt, out string prefix, out string suffix, out string runOn)
    {
        foreach (var (pre, suf, mid, next) in Formats)
        {
            var p = prompt.IndexOf(pre, StringComparison.Ordinal);
            var s = prompt.IndexOf(suf, StringComparison.Ordinal);
            var m = prompt.IndexOf(mid, StringComparison.Ordinal);
            if (p >= 0 && s > p && m > s)
            {
                prefix = prompt[(p + pre.Length)..s].TrimStart(' ');
                suffix = prompt[(s + suf.Length)..m].TrimStart(' ');
                runOn = next;
                return true;
            }
        }

        // Codestral puts the suffix first and ends the prompt with the prefix.
        var codestralSuffix = prompt.IndexOf(CodestralSuffix, StringComparison.Ordinal);
        var codestralPrefix = prompt.IndexOf(CodestralPrefix, StringComparison.Ordinal);
        if (codestralSuffix >= 0 && codestralPrefix > codestralSuffix)
        {
            suffix = prompt[(codestralSuffix + CodestralSuffix.Length)..codestralPrefix];
            prefix = prompt[(codestralPrefix + CodestralPrefix.Length)..];
            runOn = CodestralSuffix;
            return true;
        }

        prefix = "";
        suffix = "";
        runOn = "";
        return false;
    }
}

namespace Router.Emulator.Generation;

/// <summary>Finds prefix and suffix inside a raw fill-in-the-middle prompt (Qwen/StarCoder or CodeLlama tokens).</summary>
internal static class FimPrompt
{
    private static readonly (string Prefix, string Suffix, string Middle)[] Formats =
    [
        ("<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>"),
        ("<fim_prefix>", "<fim_suffix>", "<fim_middle>"),
        ("<PRE>", "<SUF>", "<MID>"),
    ];

    public static bool TryParse(string prompt, out string prefix, out string suffix)
    {
        foreach (var (pre, suf, mid) in Formats)
        {
            var p = prompt.IndexOf(pre, StringComparison.Ordinal);
            var s = prompt.IndexOf(suf, StringComparison.Ordinal);
            var m = prompt.IndexOf(mid, StringComparison.Ordinal);
            if (p >= 0 && s > p && m > s)
            {
                prefix = prompt[(p + pre.Length)..s].TrimStart(' ');
                suffix = prompt[(s + suf.Length)..m].TrimStart(' ');
                return true;
            }
        }

        prefix = "";
        suffix = "";
        return false;
    }
}

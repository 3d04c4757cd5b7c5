namespace Router.Lsp.Refactor;

/// <summary>Finds the code in a model's answer: the first fenced block, or the whole answer when it has no fence.</summary>
internal static class CodeFence
{
    public static string Extract(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        int open = answer.IndexOf("```", StringComparison.Ordinal);
        if (open < 0)
        {
            return answer.Trim('\n', '\r');
        }

        int bodyStart = answer.IndexOf('\n', open);
        if (bodyStart < 0)
        {
            return string.Empty;
        }

        int close = answer.IndexOf("```", bodyStart + 1, StringComparison.Ordinal);
        string body = close < 0 ? answer[(bodyStart + 1)..] : answer[(bodyStart + 1)..close];
        return body.TrimEnd(' ', '\t').TrimEnd('\n', '\r');
    }
}

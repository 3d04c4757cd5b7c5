using System.Globalization;
using System.Text;
using Router.Core.Requests;
using Router.Core.Tokens;

namespace Router.Core.Tests.Policy;

/// <summary>Builders for policy test requests.</summary>
internal static class Requests
{
    public static RouteRequest Chat(string text, params HistoryTurn[] history) =>
        new("t", RequestKind.Chat) { Text = text, History = history };

    public static RouteRequest Explain(string text) => new("t", RequestKind.Explain) { Text = text, File = "src/app.py" };

    public static RouteRequest Refactor(string text, params string[] files) =>
        new("t", RequestKind.Refactor) { Text = text, File = "src/orders.py", Files = files };

    public static RouteRequest Completion(string prefix, string suffix = "") =>
        new("t", RequestKind.Completion) { Prefix = prefix, Suffix = suffix, File = "src/app.py" };

    public static HistoryTurn Turn(Tier tier, double minutesAgo, string text = "earlier prompt") =>
        new(RequestKind.Chat, text, tier, minutesAgo);

    /// <summary>Code of at least <paramref name="tokens"/> tokens, in lines of about 20 tokens each.</summary>
    public static string CodeOfTokens(int tokens)
    {
        StringBuilder code = new();
        for (int i = 0; TokenCounter.Default.Count(code.ToString()) < tokens; i++)
        {
            for (int j = 0; j < 50; j++)
            {
                code.Append(CultureInfo.InvariantCulture, $"    total_{i}_{j} = compute(values[{i}], weights[{j}])\n");
            }
        }

        return code.ToString();
    }

    /// <summary>Code of exactly <paramref name="lines"/> short lines.</summary>
    public static string CodeOfLines(int lines) =>
        string.Join('\n', Enumerable.Range(0, lines).Select(i => string.Create(CultureInfo.InvariantCulture, $"    x{i} = y{i} + 1")));

    /// <summary>Few lines but many tokens: long lines of distinct names.</summary>
    public static string WideLinesOfTokens(int tokens)
    {
        StringBuilder code = new();
        for (int i = 0; TokenCounter.Default.Count(code.ToString()) < tokens; i++)
        {
            code.Append(CultureInfo.InvariantCulture, $"    call_{i}(")
                .AppendJoin(", ", Enumerable.Range(0, 40).Select(j => string.Create(CultureInfo.InvariantCulture, $"arg_{i}_{j}")))
                .Append(")\n");
        }

        return code.ToString();
    }
}

using System.Globalization;
using System.Text;
using Router.Core.Requests;

namespace Router.Quality.Tests;

/// <summary>Builders for answer-quality test cases.</summary>
internal static class Answers
{
    public static AnswerCheck Chat(string task, string answer, string? language = null, string? doneReason = "stop") =>
        new(RequestKind.Chat, language, task, answer, doneReason);

    public static AnswerCheck Explain(string task, string answer, string? language = "csharp") =>
        new(RequestKind.Explain, language, task, answer, "stop");

    public static AnswerCheck Refactor(string task, string answer, string? language = "csharp") =>
        new(RequestKind.Refactor, language, task, answer, "stop");

    public static AnswerCheck Completion(string answer, string? doneReason = "stop") =>
        new(RequestKind.Completion, "python", "def area(r):\n    return ", answer, doneReason);

    /// <summary>A C# method of <paramref name="lines"/> lines, each a distinct statement.</summary>
    public static string CSharpOfLines(int lines)
    {
        StringBuilder code = new("public int Total(int[] values)\n{\n    int total = 0;\n");
        for (int i = 3; i < lines - 2; i++)
        {
            code.Append(CultureInfo.InvariantCulture, $"    total += values[{i}] * {i + 1} - Offset({i});\n");
        }

        return code.Append("    return total;\n}\n").ToString();
    }

    public static string Fenced(string language, string code, string before = "Here is the result:", string after = "This keeps the behaviour the same.") =>
        $"{before}\n\n```{language}\n{code}\n```\n\n{after}";
}

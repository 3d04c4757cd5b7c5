using Router.Core.Requests;
using Router.Core.Tokens;

namespace Router.Cli.Benchmarking;

/// <summary>Builds task-shaped prompts of an exact token length (the router's own tokenizer) from real code: the bundled
/// infill tasks' files, one after another. The code starts with a path line naming the run and repetition, so no
/// prompt shares more than its first few tokens with an earlier one and a host's prompt cache cannot shorten what is
/// measured.</summary>
internal sealed class BenchPromptBuilder(IReadOnlyList<FimTask> corpus, TokenCounter tokens)
{
    public BenchPromptBuilder()
        : this(FimTaskSet.All, TokenCounter.Default)
    {
    }

    /// <param name="repetition">Names the request in its path line ("0", "cold1", "warmup"); a number also picks the file the
    /// code starts with.</param>
    public BenchPrompt Build(BenchTaskShape shape, string runId, string repetition)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int rotation = int.TryParse(repetition, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0;
        (string language, string comment, string extension, string ask) = shape.Kind switch
        {
            RequestKind.Completion => ("python", "#", "py", ""),
            RequestKind.Explain => ("typescript", "//", "ts", "Explain what this code does and where it could fail."),
            RequestKind.Refactor => ("csharp", "//", "cs", "Refactor this code for readability without changing its behaviour. Answer with the whole file."),
            _ => ("go", "//", "go", "These helpers compile, but the code review says they are not idiomatic Go. What would you change, and why?"),
        };
        string header = $"{comment} Path: bench/{runId}/{repetition}/{shape.Kind.Name()}.{extension}\n";
        if (shape.Kind == RequestKind.Completion)
        {
            // The cursor at the start of a new function's body, with code after it, as in an editor.
            string prefix = Code(language, header, shape.InputTokens, rotation);
            return new BenchPrompt(prefix + "\ndef summarize(values):\n    ", "\n\n\nprint(summarize([3, 1, 2]))\n", tokens.Count(prefix));
        }

        // The code first, as a user pastes it, then the question: the path line keeps each message's beginning its own.
        string open = $"```{language}\n";
        string close = $"```\n\n{ask}";
        string code = Code(language, header, shape.InputTokens - tokens.Count(open) - tokens.Count(close) - 1, rotation);
        string text = open + code + (code.EndsWith('\n') ? "" : "\n") + close;
        return new BenchPrompt(text, null, tokens.Count(text));
    }

    /// <summary>The header, then whole files of the language from the corpus (starting at the one <paramref name="rotation"/> picks), cut
    /// to <paramref name="budget"/> tokens.</summary>
    private string Code(string language, string header, int budget, int rotation)
    {
        FimTask[] files = [.. corpus.Where(t => t.Language == language)];
        if (files.Length == 0)
        {
            files = [.. corpus];
        }

        System.Text.StringBuilder text = new(header);
        int count = tokens.Count(header);
        for (int i = 0; count < budget; i++)
        {
            FimTask file = files[(rotation + i) % files.Length];
            string whole = file.Prefix + file.Expected + file.Suffix + "\n";
            text.Append(whole);
            count += tokens.Count(whole);
        }

        return CutTo(text.ToString(), budget);
    }

    /// <summary>The longest beginning of <paramref name="text"/> of at most <paramref name="budget"/> tokens.</summary>
    private string CutTo(string text, int budget)
    {
        if (tokens.Count(text) <= budget)
        {
            return text;
        }

        int low = 0;
        int high = text.Length;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (tokens.Count(text.AsSpan(0, middle)) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return text[..low];
    }
}

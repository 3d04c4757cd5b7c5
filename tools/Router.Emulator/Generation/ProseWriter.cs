using System.Text;
using System.Text.RegularExpressions;

namespace Router.Emulator.Generation;

/// <summary>Deterministic, plausible prose for chat and plain generation, about the prompt's main words.</summary>
internal static partial class ProseWriter
{
    private static readonly string[] Openers =
    [
        "Here is a short answer about {0}.",
        "Good question about {0}.",
        "Let's look at {0} step by step.",
        "In short, {0} comes down to a few ideas.",
    ];

    private static readonly string[] Middles =
    [
        "The key point is that {0} depends on how the inputs are shaped and where the work happens.",
        "A common approach is to keep {0} small, test it in isolation and measure before optimising.",
        "Most problems with {0} come from hidden state, so making the data flow explicit helps.",
        "It helps to separate what {0} decides from how it is carried out.",
        "When {1} is involved, check the edge cases first: empty input, very large input and cancellation.",
        "Compared with {1}, {0} trades a little flexibility for predictability.",
    ];

    private static readonly string[] Closers =
    [
        "If you share more of the code, I can point to the exact lines.",
        "That should be enough to get started.",
        "Let me know if you want an example.",
    ];

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "that", "this", "what", "which", "does", "how", "why", "are", "you", "was", "were",
        "your", "can", "please", "about", "from", "into", "there", "their", "have", "would", "should", "could", "is",
        "explain", "tell", "give", "show", "write", "make", "when", "where", "will", "then", "than", "me", "my", "our",
        "summarise", "summarize", "describe", "compare", "list", "define", "prove", "fix", "refactor", "a", "an", "of",
        "to", "in", "on", "it", "be", "do", "or", "not", "some", "any", "all", "use", "using", "between", "briefly",
    };

    /// <summary>Prose about <paramref name="question"/>; <paramref name="conversation"/> (everything asked) picks the wording.</summary>
    public static string Write(string model, string question, string conversation, bool thinks)
    {
        var seed = StableHash.Of(model + "\u0000" + conversation);
        var topics = Topics(question);
        var main = topics.Count > 0 ? topics[0] : "this";
        var second = topics.Count > 1 ? topics[1] : "the alternatives";
        var text = new StringBuilder();
        if (thinks)
        {
            text.Append("<think>\nThe question is about ").Append(main)
                .Append(". I should answer briefly and concretely.\n</think>\n\n");
        }

        text.AppendFormat(null, StableHash.Pick(Openers, seed, 1), main);
        var middleCount = 2 + (int)(seed % 3);
        for (var i = 0; i < middleCount; i++)
        {
            text.Append(' ').AppendFormat(null, StableHash.Pick(Middles, seed, 10 + i), main, second);
        }

        text.Append(' ').Append(StableHash.Pick(Closers, seed, 99));
        return text.ToString();
    }

    /// <summary>Runs of consecutive meaningful words ("sky blue", "borrow checker"), longest first, at most three words each.</summary>
    private static List<string> Topics(string prompt)
    {
        var runs = new List<string>();
        var current = new List<string>();
        foreach (Match word in WordPattern().Matches(prompt))
        {
            if (StopWords.Contains(word.Value) || word.Value.Length < 3)
            {
                Flush();
                continue;
            }

            current.Add(word.Value);
            if (current.Count == 3)
            {
                Flush();
            }
        }

        Flush();
        return runs
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select((run, index) => (run, index))
            .OrderByDescending(r => r.run.Count(c => c == ' '))
            .ThenBy(r => r.index)
            .Select(r => r.run)
            .Take(2)
            .ToList();

        void Flush()
        {
            if (current.Count > 0)
            {
                runs.Add(string.Join(' ', current));
                current.Clear();
            }
        }
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_]", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

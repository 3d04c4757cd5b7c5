namespace Router.Cli.Benchmarking;

/// <summary>How a generated completion compares with the expected next line: exact match and edit similarity
/// (1 − Levenshtein distance / the longer length) of the first non-empty line, both trimmed.</summary>
internal static class NextLineScore
{
    /// <summary>The first line with any text in it, trimmed; "" when there is none.</summary>
    public static string FirstLine(string generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        foreach (string line in generated.Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                return line.Trim();
            }
        }

        return "";
    }

    public static bool ExactMatch(string expected, string generated) =>
        string.Equals(expected.Trim(), FirstLine(generated), StringComparison.Ordinal);

    public static double EditSimilarity(string expected, string generated)
    {
        string a = expected.Trim();
        string b = FirstLine(generated);
        int longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - ((double)Levenshtein(a, b) / longer);
    }

    /// <summary>The fewest single-character insertions, deletions and substitutions that turn one text into the other.</summary>
    public static int Levenshtein(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

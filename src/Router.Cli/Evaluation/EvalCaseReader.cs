using System.Text.Json;
using Router.Core.Requests;

namespace Router.Cli.Evaluation;

/// <summary>Reads labelled cases from a JSONL file or from every *.jsonl file of a directory, in name order.</summary>
internal static class EvalCaseReader
{
    public const string DefaultLang = "en";
    public const string NoCategory = "(none)";

    /// <summary>The JSONL files <paramref name="path"/> names: itself, or the *.jsonl files directly inside it, in name order.
    /// They are named as <paramref name="path"/> is (relative paths stay relative to <paramref name="baseDirectory"/>), so
    /// messages name them as the user did.</summary>
    public static IReadOnlyList<string> FilesOf(string path, string baseDirectory)
    {
        string fullPath = Path.GetFullPath(path, baseDirectory);
        return Directory.Exists(fullPath)
            ? [.. Directory.EnumerateFiles(fullPath, "*.jsonl", SearchOption.TopDirectoryOnly)
                .Select(file => Path.Combine(path, Path.GetFileName(file)))
                .Order(StringComparer.Ordinal)]
            : [path];
    }

    /// <summary>Every case of <paramref name="files"/> (relative ones under <paramref name="baseDirectory"/>); a line that is
    /// not a case is listed with its file and line number and reading goes on. Throws <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> for a file that cannot be read.</summary>
    public static async Task<EvalCaseSet> ReadAsync(IReadOnlyList<string> files, string baseDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        List<EvalCase> cases = [];
        List<BadCaseLine> badLines = [];
        foreach (string file in files)
        {
            using StreamReader reader = new(Path.GetFullPath(file, baseDirectory));
            int lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                (EvalCase? evalCase, string? problem) = Parse(line, file, lineNumber);
                if (evalCase is not null)
                {
                    cases.Add(evalCase);
                }
                else
                {
                    badLines.Add(new BadCaseLine(file, lineNumber, problem!));
                }
            }
        }

        return new EvalCaseSet(files, cases, badLines);
    }

    /// <summary>The case on one line, or what is wrong with it. The request fields are not checked here: the router
    /// judges them when the case is routed, exactly as `route --batch` does.</summary>
    public static (EvalCase? Case, string? Problem) Parse(string line, string file, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "a case must be a JSON object");
            }

            string? id = root.TryGetProperty("id", out JsonElement idElement)
                ? idElement.ValueKind switch
                {
                    JsonValueKind.String => idElement.GetString(),
                    JsonValueKind.Number => idElement.GetRawText(),
                    _ => null,
                }
                : null;
            if (string.IsNullOrEmpty(id))
            {
                return (null, "missing \"id\"");
            }

            if (!root.TryGetProperty("expect", out JsonElement expect) || expect.ValueKind != JsonValueKind.Object)
            {
                return (null, $"case {id}: missing \"expect\" (an object with \"tiers\" and \"localOnly\")");
            }

            if (!expect.TryGetProperty("tiers", out JsonElement tiersElement) || tiersElement.ValueKind != JsonValueKind.Array || tiersElement.GetArrayLength() == 0)
            {
                return (null, $"case {id}: \"expect.tiers\" must be a non-empty list of tiers ({TierNames.Listing})");
            }

            List<string> tiers = [];
            foreach (JsonElement tier in tiersElement.EnumerateArray())
            {
                // A misspelt tier would make the case a miss whatever the router decides.
                if (tier.ValueKind != JsonValueKind.String || !TierNames.TryParse(tier.GetString(), out Tier? parsed))
                {
                    return (null, $"case {id}: unknown tier {tier.GetRawText()} in \"expect.tiers\" ({TierNames.Listing})");
                }

                tiers.Add(parsed.Value.Name());
            }

            if (!expect.TryGetProperty("localOnly", out JsonElement localOnly) || localOnly.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, $"case {id}: \"expect.localOnly\" must be true or false");
            }

            string category = StringOr(root, "category", NoCategory);
            string lang = StringOr(root, "lang", DefaultLang);
            return (new EvalCase(id, category, lang, tiers, localOnly.GetBoolean(), line, file, lineNumber), null);
        }
    }

    private static string StringOr(JsonElement root, string name, string fallback) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : fallback;
}

using System.Globalization;
using System.Text.RegularExpressions;
using Router.Core.FillInTheMiddle;

namespace Router.Cli.Init;

/// <summary>What a model is good for, read from its capabilities and, where a host says nothing, from its well-known name.</summary>
internal static partial class ModelTraits
{
    // Families that think before answering even on hosts too old to report the `thinking` capability.
    private static readonly string[] ReasoningFamilies = ["deepseek-r1", "qwq", "phi4-reasoning", "magistral", "qwen3", "gpt-oss", "openthinker", "exaone-deep"];

    /// <summary>Can serve a completion: Ollama's own suffix (<c>insert</c>) or a FIM template the router knows for the family.</summary>
    public static bool FillsInTheMiddle(HostModel model) => model.Has("insert") || FillInTheMiddleTemplates.ForModel(model.Name) is not null;

    public static bool SeesImages(HostModel model) => model.Has("vision");

    public static bool Reasons(HostModel model) =>
        model.Has("thinking") || ReasoningFamilies.Any(f => model.Name.StartsWith(f, StringComparison.OrdinalIgnoreCase));

    /// <summary>Models that only embed (no <c>completion</c>) cannot answer anything the router asks.</summary>
    public static bool Answers(HostModel model) =>
        model.Capabilities is null ? !model.Name.Contains("embed", StringComparison.OrdinalIgnoreCase) : model.Has("completion");

    public static bool IsCoder(HostModel model) => FillsInTheMiddle(model) || model.Name.Contains("code", StringComparison.OrdinalIgnoreCase);

    public static double Billions(HostModel model)
    {
        if (ParseBillions(model.ParameterSize) is { } reported)
        {
            return reported;
        }

        int colon = model.Name.LastIndexOf(':');
        if (colon >= 0 && TagSize().Match(model.Name[(colon + 1)..]) is { Success: true } tag && ParseBillions(tag.Value) is { } fromTag)
        {
            return fromTag;
        }

        // About 0.6 GB per billion parameters at Ollama's usual 4-bit quantisation.
        return model.SizeBytes / 0.6e9;
    }

    /// <summary>"14.8B" → 14.8, "494M" → 0.494; null for anything else.</summary>
    public static double? ParseBillions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string trimmed = text.Trim().ToUpperInvariant();
        double scale = trimmed.EndsWith('B') ? 1 : trimmed.EndsWith('M') ? 0.001 : 0;
        return scale > 0 && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && n > 0 ? n * scale : null;
    }

    [GeneratedRegex(@"^\d+(\.\d+)?[bm]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagSize();
}

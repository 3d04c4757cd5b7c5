namespace Router.Core.Configuration;

/// <summary>The names router.yaml and <c>router doctor</c> use for each <see cref="FillInTheMiddleMode"/>.</summary>
public static class FillInTheMiddleModeNames
{
    /// <summary>Every name a user may write, in the order the docs list them; <c>auto</c> means "detect".</summary>
    public static IReadOnlyList<string> All { get; } = ["auto", "native", "suffix", "template", "infill", "fim-endpoint", "none"];

    public static string Name(this FillInTheMiddleMode mode) => mode switch
    {
        FillInTheMiddleMode.Native => "native",
        FillInTheMiddleMode.Suffix => "suffix",
        FillInTheMiddleMode.Template => "template",
        FillInTheMiddleMode.Infill => "infill",
        FillInTheMiddleMode.FimEndpoint => "fim-endpoint",
        _ => "none",
    };

    /// <summary>The mode a name stands for; true with a null mode for <c>auto</c>; false for an unknown name.</summary>
    public static bool TryParse(string name, out FillInTheMiddleMode? mode)
    {
        ArgumentNullException.ThrowIfNull(name);
        mode = name.Trim().ToLowerInvariant() switch
        {
            "native" => FillInTheMiddleMode.Native,
            "suffix" => FillInTheMiddleMode.Suffix,
            "template" => FillInTheMiddleMode.Template,
            "infill" => FillInTheMiddleMode.Infill,
            "fim-endpoint" => FillInTheMiddleMode.FimEndpoint,
            "none" => FillInTheMiddleMode.None,
            _ => null,
        };
        return mode is not null || string.Equals(name.Trim(), "auto", StringComparison.OrdinalIgnoreCase);
    }
}

using System.Text.Json;
using Router.Core.Configuration;
using Router.Core.Policy;

namespace Router.Runtime.Configuration;

/// <summary>The editor's <c>router</c> settings (VS Code's settings, or any client's <c>workspace/configuration</c>) that
/// apply on top of router.yaml without a restart: local-only privacy, the daily budget, completion on or off, and a model per
/// request kind.</summary>
/// <param name="LocalOnly">True forces every request local; null leaves router.yaml's privacy mode.</param>
/// <param name="DailyUsd">Replaces router.yaml's daily budget; null leaves it.</param>
public sealed record EditorSettings(bool? LocalOnly, double? DailyUsd, bool CompletionEnabled)
{
    /// <summary>No setting given: router.yaml as it is, completion on.</summary>
    public static EditorSettings None { get; } = new(null, null, true);

    /// <summary>The models named in <c>router.models.*</c>, applied by the routing policy (see <see cref="ModelOverrides"/>).</summary>
    public ModelOverrides Models { get; init; } = ModelOverrides.None;

    /// <summary>Reads the <c>router</c> section; a value of the wrong type is ignored rather than failing the rest.</summary>
    public static EditorSettings Read(JsonElement section)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        bool? localOnly = Property(section, "privacy", "localOnly") is { ValueKind: JsonValueKind.True or JsonValueKind.False } local ? local.GetBoolean() : null;
        double? daily = Property(section, "budget", "dailyUsd") is { ValueKind: JsonValueKind.Number } budget
            && budget.TryGetDouble(out double usd) && usd is >= 0 and <= BudgetConfig.MaxDailyUsd ? usd : null;
        bool completion = Property(section, "completion", "enabled") is not { ValueKind: JsonValueKind.False };
        ModelOverrides models = new(
            Text(section, "models", "completion"),
            Text(section, "models", "explain"),
            Text(section, "models", "refactor"),
            Text(section, "models", "chat"));
        return new EditorSettings(localOnly, daily, completion) { Models = models };
    }

    /// <summary>The routing policy for router.yaml's configuration with these settings applied.</summary>
    public RoutePolicy PolicyFor(RouterConfig config) => new(ApplyTo(config), overrides: Models);

    /// <summary>router.yaml's configuration with these settings applied.</summary>
    public RouterConfig ApplyTo(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        RouterConfig result = config;
        if (LocalOnly == true)
        {
            result = result with { Privacy = result.Privacy with { Mode = PrivacyMode.LocalOnly } };
        }

        if (DailyUsd is { } daily)
        {
            result = result with { Budget = result.Budget with { DailyUsd = daily } };
        }

        return result;
    }

    private static string? Text(JsonElement section, string group, string name) =>
        Property(section, group, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    private static JsonElement? Property(JsonElement section, string group, string name) =>
        section.TryGetProperty(group, out JsonElement inner) && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty(name, out JsonElement value)
            ? value
            : null;
}

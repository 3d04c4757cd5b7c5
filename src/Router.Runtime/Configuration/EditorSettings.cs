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

    /// <summary>Reads the editor's settings as a user has them: VS Code's settings.json (flat <c>"router.models.chat"</c> keys),
    /// an object with a <c>router</c> section, or the <c>router</c> section itself (what the server receives).</summary>
    public static EditorSettings ReadAny(JsonElement settings)
    {
        if (settings.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        if (settings.TryGetProperty("router", out JsonElement section) && section.ValueKind == JsonValueKind.Object)
        {
            return Read(section);
        }

        const string Prefix = "router.";
        JsonProperty[] flat = [.. settings.EnumerateObject().Where(p => p.Name.StartsWith(Prefix, StringComparison.Ordinal))];
        return flat.Length == 0 ? Read(settings) : Read(Nested(flat.Select(p => (p.Name[Prefix.Length..].Split('.'), p.Value))));
    }

    // {"router.models.chat": "x"} as {"models": {"chat": "x"}}: the shape Read takes.
    private static JsonElement Nested(IEnumerable<(string[] Path, JsonElement Value)> entries)
    {
        Dictionary<string, object> root = new(StringComparer.Ordinal);
        foreach ((string[] path, JsonElement value) in entries)
        {
            Dictionary<string, object> node = root;
            foreach (string segment in path[..^1])
            {
                if (!node.TryGetValue(segment, out object? child) || child is not Dictionary<string, object> inner)
                {
                    inner = new Dictionary<string, object>(StringComparer.Ordinal);
                    node[segment] = inner;
                }

                node = inner;
            }

            node[path[^1]] = value;
        }

        System.Buffers.ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            Write(writer, root);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();

        static void Write(Utf8JsonWriter writer, Dictionary<string, object> node)
        {
            writer.WriteStartObject();
            foreach ((string name, object value) in node)
            {
                writer.WritePropertyName(name);
                if (value is Dictionary<string, object> inner)
                {
                    Write(writer, inner);
                }
                else
                {
                    ((JsonElement)value).WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>The routing policy for router.yaml's configuration with these settings applied.</summary>
    public RoutePolicy PolicyFor(RouterConfig config) => new(ApplyTo(config), overrides: Models);

    /// <summary>router.yaml's configuration with these settings applied: exactly the <see cref="Effects"/>, in order.</summary>
    public RouterConfig ApplyTo(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Effects.Aggregate(config, (applied, effect) => effect.Apply(applied));
    }

    /// <summary>What these settings change in router.yaml's configuration. A setting that changes nothing (local-only off
    /// leaves the file's privacy mode) has no effect, so the file stays the origin of that value.</summary>
    public IReadOnlyList<EditorSettingEffect> Effects
    {
        get
        {
            List<EditorSettingEffect> effects = [];
            if (LocalOnly == true)
            {
                effects.Add(new("privacy.mode", "router.privacy.localOnly", c => c with { Privacy = c.Privacy with { Mode = PrivacyMode.LocalOnly } }));
            }

            if (DailyUsd is { } daily)
            {
                effects.Add(new("budget.dailyUsd", "router.budget.dailyUsd", c => c with { Budget = c.Budget with { DailyUsd = daily } }));
            }

            return effects;
        }
    }

    private static string? Text(JsonElement section, string group, string name) =>
        Property(section, group, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    private static JsonElement? Property(JsonElement section, string group, string name) =>
        section.TryGetProperty(group, out JsonElement inner) && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty(name, out JsonElement value)
            ? value
            : null;
}

using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;

namespace Router.Runtime.Configuration;

/// <summary>The configuration in force: router.yaml merged with the defaults and the editor's settings, every value with
/// where it came from ("router.yaml:12", "default", "editor setting router.models.chat"). `router config show` and the
/// language server's <c>router.configShow</c> both build it here.</summary>
/// <param name="Source">The file read, or "(built-in default)".</param>
public sealed record ConfigInForceReport(string Source, IReadOnlyList<ConfigValue> Values)
{
    /// <summary>What a kind with no <c>router.models.*</c> model gets.</summary>
    public const string AsRouted = "(as routed)";

    private static readonly RequestKind[] ModelKinds = [RequestKind.Completion, RequestKind.Explain, RequestKind.Refactor, RequestKind.Chat];

    /// <param name="file">The configuration read from the file (or the built-in default), before the editor's settings.</param>
    public static ConfigInForceReport Of(RouterConfig file, EditorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(settings);

        // The values are those of the one merge the server routes with; the settings only rename the origin of what they changed.
        Dictionary<string, string> setBy = settings.Effects.ToDictionary(e => e.Key, e => e.Setting, StringComparer.Ordinal);
        string fileName = file.Source == RouterConfig.Default.Source ? file.Source : Path.GetFileName(file.Source);
        List<ConfigValue> values = [.. ConfigValues.List(settings.ApplyTo(file), fileName)
            .Select(v => setBy.TryGetValue(v.Key, out string? setting) ? v with { Origin = Setting(setting) } : v)];

        // The editor's own values: router.yaml has no key for them.
        foreach (RequestKind kind in ModelKinds)
        {
            string key = "models." + kind.Name();
            values.Add(settings.Models.For(kind) is { } model
                ? new ConfigValue(key, model, Setting(ModelOverrides.SettingName(kind)))
                : new ConfigValue(key, AsRouted, ConfigValues.DefaultOrigin));
        }

        values.Add(settings.CompletionEnabled
            ? new ConfigValue("completion.enabled", "true", ConfigValues.DefaultOrigin)
            : new ConfigValue("completion.enabled", "false", Setting("router.completion.enabled")));
        return new ConfigInForceReport(file.Source, values);
    }

    private static string Setting(string name) => "editor setting " + name;
}

using System.Globalization;
using Router.Core.Requests;

namespace Router.Core.Configuration;

/// <summary>Every value of a configuration, each with the line of the file that set it (<see cref="RouterConfig.KeyLines"/>),
/// or "default".</summary>
public static class ConfigValues
{
    public const string DefaultOrigin = "default";

    /// <param name="fileName">How origins name the file, e.g. "router.yaml".</param>
    public static IReadOnlyList<ConfigValue> List(RouterConfig config, string fileName)
    {
        ArgumentNullException.ThrowIfNull(config);
        var values = new List<ConfigValue>();
        void Add(string key, string value) =>
            values.Add(new ConfigValue(key, value, config.KeyLines.TryGetValue(key, out var line) ? Invariant($"{fileName}:{line}") : DefaultOrigin));

        foreach (var endpoint in config.Endpoints.Values)
        {
            var at = $"endpoints.{endpoint.Name}";
            Add($"{at}.provider", endpoint.Provider.ToString().ToLowerInvariant());
            if (endpoint.Url is { } url)
            {
                Add($"{at}.url", url.ToString());
            }

            if (endpoint.ApiKeyEnv is { } keyVariable)
            {
                Add($"{at}.apiKeyEnv", keyVariable);
            }

            Add($"{at}.cloud", endpoint.Cloud ? "true" : "false");
            Add($"{at}.fim", endpoint.FillInTheMiddle?.Name() ?? "auto");
            Add($"{at}.billing", endpoint.Billing.Name());
        }

        foreach (var tier in TierNames.All.Where(config.Tiers.ContainsKey).Select(t => config.Tiers[t]))
        {
            var at = $"tiers.{tier.Tier.Name()}";
            Add($"{at}.model", tier.Model);
            Add($"{at}.endpoints", List(tier.Endpoints));
            Add($"{at}.contextTokens", Number(tier.ContextTokens));
            Add($"{at}.usdPerMillionInput", Number(tier.UsdPerMillionInput));
            Add($"{at}.usdPerMillionOutput", Number(tier.UsdPerMillionOutput));
        }

        Add("routes.completion", config.Routes.Completion.Name());
        Add("routes.explain", config.Routes.Explain.Name());
        Add("routes.refactor", config.Routes.Refactor.Name());
        Add("routes.refactorWide", config.Routes.RefactorWide.Name());
        Add("routes.chat", config.Routes.Chat.Name());
        foreach (var tier in TierNames.All.Where(config.Fallbacks.ContainsKey))
        {
            Add($"fallbacks.{tier.Name()}", List(config.Fallbacks[tier].Select(t => t.Name())));
        }

        Add("escalation", List(config.Escalation.Select(t => t.Name())));
        Add("continuity.window", Number(config.Continuity.Window));
        Add("continuity.minCodeTurns", Number(config.Continuity.MinCodeTurns));
        Add("continuity.maxAgeMinutes", Number(config.Continuity.MaxAgeMinutes));
        Add("privacy.mode", config.Privacy.Mode == PrivacyMode.LocalOnly ? "local-only" : "auto");
        Add("privacy.privatePaths", List(config.Privacy.PrivatePaths));
        Add("privacy.imagesToCloud", config.Privacy.ImagesToCloud ? "true" : "false");
        if (config.Budget.Preset is { } preset)
        {
            Add("budget.preset", preset);
        }

        Add("budget.dailyUsd", Number(config.Budget.DailyUsd));
        Add("budget.monthlyUsd", config.Budget.MonthlyUsd is { } monthly ? Number(monthly) : "none");
        Add("budget.outputReserveTokens", Number(config.Budget.OutputReserveTokens));
        Add("deadlines.completionMs", Number(config.Deadlines.Completion.TotalMilliseconds));
        Add("deadlines.firstTokenSeconds", Number(config.Deadlines.FirstToken.TotalSeconds));
        Add("deadlines.loadSeconds", Number(config.Deadlines.Load.TotalSeconds));
        Add("deadlines.refactorSeconds", Number(config.Deadlines.Refactor.TotalSeconds));
        Add("ledger.retentionDays", Number(config.Ledger.RetentionDays));
        Add("ledger.provider", config.Ledger.Provider == LedgerProvider.Postgres ? "postgres" : "sqlite");
        Add("ledger.connectionEnv", config.Ledger.ConnectionEnv ?? "none");
        Add("ledger.shareNames", config.Ledger.ShareNames ? "true" : "false");
        return values;
    }

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    internal static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

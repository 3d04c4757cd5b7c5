using System.Globalization;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;

namespace Router.Core.Placement;

/// <summary>Requests an hour per tier and model, the rates placement weighs load times by: measured in the usage ledger,
/// read from a rates file, or the default mix while the ledger holds too little.</summary>
public static class WorkloadRates
{
    /// <summary>The default mix, an hour of one developer's editing: inline completions that reach the model after the
    /// debounce (about two a minute) on <c>code</c>, and the article's mixed day per hour of work for the rest (30 quick,
    /// 5 code, 2 vision and 1 reasoning asks over about 8 hours, a refactor or two on heavy).</summary>
    public static IReadOnlyDictionary<Tier, double> DefaultPerTier { get; } = new Dictionary<Tier, double>
    {
        [Tier.Code] = 120.6,
        [Tier.Quick] = 3.75,
        [Tier.Heavy] = 0.25,
        [Tier.Vision] = 0.25,
        [Tier.Reasoning] = 0.125,
        [Tier.Frontier] = 0,
    };

    /// <summary>The default mix on the tiers and models of <paramref name="config"/>.</summary>
    public static IReadOnlyDictionary<(Tier Tier, string Model), double> Default(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Tiers.ToDictionary(t => (t.Key, t.Value.Model), t => DefaultPerTier.GetValueOrDefault(t.Key));
    }

    /// <summary>Below this many requests in the window the ledger says too little about the workload: the default mix counts.</summary>
    public const int MinimumMeasuredRequests = 50;

    /// <summary>
    /// Rates measured in the usage ledger: the requests each tier's model was asked (failed ones, which loaded nothing, left
    /// out) per hour of work, an hour of work being a clock hour with at least one request in it, so that nights and
    /// weekends do not thin the rates out. Null when the records hold fewer than <see cref="MinimumMeasuredRequests"/>.
    /// A configured tier the records never name counts as asked for at no rate.
    /// </summary>
    public static MeasuredRates? Measured(RouterConfig config, IEnumerable<UsageRecord> records)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(records);
        Dictionary<(Tier, string), int> counts = [];
        HashSet<long> hours = [];
        int requests = 0;
        foreach (UsageRecord record in records)
        {
            if (record.Outcome == UsageOutcome.Failed)
            {
                continue;
            }

            requests++;
            hours.Add(record.At.ToUnixTimeSeconds() / 3600);
            counts[(record.Tier, record.Model)] = counts.GetValueOrDefault((record.Tier, record.Model)) + 1;
        }

        if (requests < MinimumMeasuredRequests)
        {
            return null;
        }

        Dictionary<(Tier, string), double> rates = config.Tiers.ToDictionary(t => (t.Key, t.Value.Model), _ => 0.0);
        foreach (((Tier, string) key, int count) in counts)
        {
            rates[key] = (double)count / hours.Count;
        }

        return new MeasuredRates(rates, requests, hours.Count);
    }

    /// <summary>Reads a rates file: one <c>TIER RATE</c> or <c>TIER MODEL RATE</c> a line (requests an hour), <c>#</c> comments.
    /// A tier without a model takes the tier's model in <paramref name="config"/>; a tier the file does not name keeps the
    /// default rate. Each bad line is an error naming its line; the others still count.</summary>
    public static (IReadOnlyDictionary<(Tier Tier, string Model), double> Rates, IReadOnlyList<string> Errors) Parse(string text, RouterConfig config, string source = "rates")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(config);
        Dictionary<(Tier, string), double> rates = new(Default(config));
        HashSet<Tier> named = [];
        List<string> errors = [];
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            string where = $"{source}:{i + 1}";
            if (parts.Length is not (2 or 3))
            {
                errors.Add($"{where}: expected 'TIER RATE' or 'TIER MODEL RATE', got '{Cut(line)}'");
                continue;
            }

            if (!TierNames.TryParse(parts[0], out Tier? parsed) || parsed is not { } tier)
            {
                errors.Add($"{where}: unknown tier '{Cut(parts[0])}'");
                continue;
            }

            if (!double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !double.IsFinite(rate) || rate < 0 || rate > 1e6)
            {
                errors.Add($"{where}: the rate must be a number of requests an hour from 0 to 1000000, got '{Cut(parts[^1])}'");
                continue;
            }

            string? model = parts.Length == 3 ? parts[1] : config.Tiers.TryGetValue(tier, out TierConfig? tierConfig) ? tierConfig.Model : null;
            if (model is null)
            {
                errors.Add($"{where}: tier {parts[0]} is not configured and the line names no model");
                continue;
            }

            if (named.Add(tier))
            {
                // A tier the file names is the file's: its default rate no longer counts.
                foreach ((Tier, string) key in rates.Keys.Where(k => k.Item1 == tier).ToList())
                {
                    rates.Remove(key);
                }
            }

            rates[(tier, model)] = rates.GetValueOrDefault((tier, model)) + rate;
        }

        return (rates, errors);
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

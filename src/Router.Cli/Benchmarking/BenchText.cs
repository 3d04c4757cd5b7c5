using System.Globalization;
using System.Text;
using Router.Cli.Terminal;

namespace Router.Cli.Benchmarking;

/// <summary>`router bench`'s text: one line per route that says what to expect and what to do, then the medians with their
/// spread, the hosts' fingerprints and the notes.</summary>
internal static class BenchText
{
    public static string Format(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        StringBuilder text = new();
        text.AppendLine(Invariant($"router bench: run {report.RunId}, {report.Repetitions} repetition{(report.Repetitions == 1 ? "" : "s")} per route, {(report.Cold ? "cold loads measured" : "cold loads predicted from size (--cold measures them)")}; config {report.Config}"));
        text.AppendLine();
        foreach (RouteBench route in report.Routes)
        {
            text.Append("  ").AppendLine(Summary(route));
        }

        RouteBench[] measured = [.. report.Routes.Where(r => r.Status == RouteBench.Measured)];
        if (measured.Length > 0)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"medians (min–max) over {report.Repetitions}; times in ms"));
            TextTable table = new("tier", "kind", "model@endpoint", "first token", "host ttft", "total", "prompt tok/s", "gen tok/s", "cache hit", "cold load", "cold first token", "FIM exact / similarity");
            foreach (RouteBench r in measured)
            {
                table.Add(
                    r.Tier,
                    r.Kind,
                    $"{r.Model}@{r.Endpoint}",
                    Spread(r.TimeToFirstTokenMs, "0"),
                    Spread(r.HostTimeToFirstTokenMs, "0"),
                    Spread(r.TotalMs, "0"),
                    Spread(r.PromptTokensPerSecond, "0"),
                    Spread(r.GenerationTokensPerSecond, "0.0"),
                    r.PromptCacheHitRate is { } hit ? Percent(hit.Median) : "-",
                    r.ColdLoadMs is { } cold ? Spread(cold, "0") : r.PredictedColdLoadMs is { } p ? Invariant($"~{p:0} predicted") : "-",
                    Spread(r.ColdTimeToFirstTokenMs, "0"),
                    r.FillInTheMiddle is { } fim ? Invariant($"{Percent(fim.ExactMatch)} / {fim.EditSimilarity:0.00} ({fim.Tasks} tasks)") : "-");
            }

            text.Append(table);
        }

        if (report.Hosts.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("hosts");
            foreach (HostFingerprint host in report.Hosts)
            {
                text.AppendLine(Invariant($"  {host.Endpoint}  {host.Host}  {host.Api}{(host.Version is { } v ? " " + v : "")}{(host.HostTimings ? "" : "  (wall clock only)")}"));
                foreach (ModelFingerprint model in host.Models)
                {
                    text.AppendLine("    " + Fingerprint(model));
                }
            }
        }

        if (report.Notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("notes");
            foreach (string note in report.Notes)
            {
                text.Append("  ").AppendLine(note);
            }
        }

        if (report.Ledger is { } ledger)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"results stored in {ledger} (run {report.RunId}); `router plan` uses the measured cold loads"));
        }

        return text.ToString();
    }

    /// <summary>e.g. "completion → qwen2.5-coder:14b@gpu-box: first token 140 ms warm, 8.9 s cold; 45 tok/s; FIM exact 62% — keep warm".</summary>
    public static string Summary(RouteBench route)
    {
        ArgumentNullException.ThrowIfNull(route);
        string head = $"{route.Kind} → {route.Model}@{route.Endpoint} ({route.Tier})";
        if (route.Status != RouteBench.Measured)
        {
            return $"{head}: {route.Status}: {route.Note}";
        }

        List<string> parts = [];
        string first = route.TimeToFirstTokenMs is { } ttft ? "first token " + Duration(ttft.Median) + " warm" : "first token -";
        if (route.ColdTimeToFirstTokenMs is { } cold)
        {
            first += ", " + Duration(cold.Median) + " cold";
        }
        else if (route.PredictedColdLoadMs is { } predicted)
        {
            first += ", about " + Duration(predicted) + " cold (predicted)";
        }

        parts.Add(first);
        if (route.GenerationTokensPerSecond is { } rate)
        {
            parts.Add(Invariant($"{rate.Median:0} tok/s"));
        }
        else if (route.TotalMs is { } total)
        {
            parts.Add("answer in " + Duration(total.Median));
        }

        if (route.FillInTheMiddle is { } fim)
        {
            parts.Add("FIM exact " + Percent(fim.ExactMatch));
        }

        string line = $"{head}: {string.Join("; ", parts)}";
        if (route.Note is { } note)
        {
            line += $" ({note})";
        }

        return route.Advice is { } advice ? $"{line} — {advice}" : line;
    }

    private static string Spread(MetricSpread? spread, string format) =>
        spread is null ? "-"
        : spread.Samples == 1 ? spread.Median.ToString(format, CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{spread.Median.ToString(format, CultureInfo.InvariantCulture)} ({spread.Low.ToString(format, CultureInfo.InvariantCulture)}–{spread.High.ToString(format, CultureInfo.InvariantCulture)})");

    private static string Duration(double milliseconds) =>
        milliseconds >= 1000 ? Invariant($"{milliseconds / 1000:0.0} s") : Invariant($"{milliseconds:0} ms");

    private static string Percent(double share) => Invariant($"{share * 100:0}%");

    private static string Fingerprint(ModelFingerprint model)
    {
        List<string> parts = [model.Name];
        if (model.Digest is { Length: > 0 } digest)
        {
            parts.Add("digest " + digest[..Math.Min(12, digest.Length)]);
        }

        parts.AddRange(new[] { model.Family, model.ParameterSize, model.Quantization }.OfType<string>().Where(s => s.Length > 0));
        if (model.SizeBytes is { } size)
        {
            parts.Add(Invariant($"{size / 1e9:0.0} GB on disk"));
        }

        if (model.LoadedBytes is { } loaded)
        {
            parts.Add(Invariant($"{loaded / 1e9:0.0} GB loaded"));
        }

        if (model.GpuShare is { } share)
        {
            parts.Add(share >= 0.995 ? "all in GPU memory" : Invariant($"{share * 100:0}% in GPU memory, the rest on the CPU"));
        }

        if (model.CanFillInTheMiddle is { } fim)
        {
            parts.Add(fim ? "fills in the middle" : "no fill-in-the-middle");
        }

        return string.Join(", ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

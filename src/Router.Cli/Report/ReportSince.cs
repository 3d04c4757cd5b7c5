using System.Globalization;

namespace Router.Cli.Report;

/// <summary>Reads `--since`: a span back from now (<c>7d</c>, <c>12h</c>, <c>90m</c>) or a local date (<c>2026-12-01</c>).</summary>
internal static class ReportSince
{
    /// <summary>The window's start, or null and why the text is not one.</summary>
    public static (DateTimeOffset? Since, string? Problem) Parse(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        string trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            DateTime midnight = date.ToDateTime(TimeOnly.MinValue);
            DateTimeOffset start = new(midnight, zone.GetUtcOffset(midnight));
            return start > now ? (null, $"--since {text}: that date is in the future") : (start, null);
        }

        if (trimmed.Length >= 2
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int amount)
            && amount > 0)
        {
            TimeSpan? span = char.ToLowerInvariant(trimmed[^1]) switch
            {
                'd' when amount <= 3660 => TimeSpan.FromDays(amount),
                'h' when amount <= 87_840 => TimeSpan.FromHours(amount),
                'm' when amount <= 5_270_400 => TimeSpan.FromMinutes(amount),
                _ => null,
            };
            if (span is { } back)
            {
                return (now - back, null);
            }
        }

        return (null, $"--since {text}: give a span back from now (7d, 12h, 90m; at most ten years) or a date (2026-12-01)");
    }
}

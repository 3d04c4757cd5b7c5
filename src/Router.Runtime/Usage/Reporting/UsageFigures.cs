using System.Globalization;

namespace Router.Runtime.Usage.Reporting;

/// <summary>How the usage report writes its figures, the same in text and HTML: durations that read at a glance, dollars to
/// the cent (or finer when under a cent), shares as whole percent.</summary>
public static class UsageFigures
{
    private static CultureInfo Invariant => CultureInfo.InvariantCulture;

    /// <summary>"85 ms", "1.4 s", "3 min 20 s", "2 h 05 min".</summary>
    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return "-";
        }

        if (seconds < 1)
        {
            return string.Create(Invariant, $"{seconds * 1000:0} ms");
        }

        if (seconds < 60)
        {
            return string.Create(Invariant, $"{seconds:0.0} s");
        }

        if (seconds < 3600)
        {
            return string.Create(Invariant, $"{(int)(seconds / 60)} min {(int)(seconds % 60):00} s");
        }

        return string.Create(Invariant, $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):00} min");
    }

    public static string Milliseconds(double? ms) => ms is { } value ? Duration(value / 1000) : "-";

    /// <summary>"$1.23"; amounts under a cent keep four decimals ("$0.0042") so small cloud use does not read as nothing.</summary>
    public static string Usd(decimal usd) =>
        usd != 0 && Math.Abs(usd) < 0.01m ? string.Create(Invariant, $"${usd:0.0000}") : string.Create(Invariant, $"${usd:#,0.00}");

    public static string Percent(double share) => string.Create(Invariant, $"{share * 100:0}%");

    /// <summary>A rate, or "unknown" when it was never reported.</summary>
    public static string Rate(double? rate) => rate is { } value ? string.Create(Invariant, $"{value * 100:0.0}%") : "unknown";

    public static string Count(long count) => count.ToString("#,0", Invariant);

    public static string Number(double value, string format) => value.ToString(format, Invariant);
}

using System.Globalization;

namespace Router.Cli.Evaluation;

/// <summary>Fractions written as percentages with one decimal, rounded half to even as score.py's "{:.1%}" does.</summary>
internal static class EvalPercent
{
    public static string Format(double fraction) =>
        Math.Round(fraction * 100, 1, MidpointRounding.ToEven).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static double Of(int part, int whole, double whenEmpty) => whole == 0 ? whenEmpty : (double)part / whole;
}

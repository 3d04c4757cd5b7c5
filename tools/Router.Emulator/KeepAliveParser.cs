using System.Globalization;
using System.Text.Json;

namespace Router.Emulator;

/// <summary>Reads Ollama's keep_alive: a number of seconds or a Go duration ("5m", "1h30m", "0"); negative means forever.</summary>
internal static class KeepAliveParser
{
    /// <summary>The sentinel for "stay loaded forever".</summary>
    public static readonly TimeSpan Forever = TimeSpan.MaxValue;

    public static bool TryParse(JsonElement? value, TimeSpan fallback, out TimeSpan keepAlive, out string? error)
    {
        error = null;
        keepAlive = fallback;
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.Number)
        {
            keepAlive = FromSeconds(element.GetDouble());
            return true;
        }

        if (element.ValueKind == JsonValueKind.String && TryParseDuration(element.GetString() ?? "", out keepAlive))
        {
            return true;
        }

        error = $"time: invalid duration \"{element}\"";
        return false;
    }

    /// <summary>Parses a Go duration string; a bare number is read as seconds, as Ollama's environment variable is.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = FromSeconds(seconds);
            return true;
        }

        var negative = s[0] == '-';
        var i = s[0] is '-' or '+' ? 1 : 0;
        double totalSeconds = 0;
        var sawComponent = false;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            double? unitSeconds = s[unitStart..i] switch
            {
                "ns" => 1e-9,
                "us" or "µs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => null,
            };
            if (unitSeconds is null)
            {
                return false;
            }

            totalSeconds += number * unitSeconds.Value;
            sawComponent = true;
        }

        if (!sawComponent)
        {
            return false;
        }

        duration = FromSeconds(negative ? -totalSeconds : totalSeconds);
        return true;
    }

    private static TimeSpan FromSeconds(double seconds) =>
        seconds < 0 ? Forever : TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
}

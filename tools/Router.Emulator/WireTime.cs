using System.Globalization;

namespace Router.Emulator;

/// <summary>Ollama's time formats: RFC 3339 with fractional seconds, durations in nanoseconds.</summary>
internal static class WireTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static long Nanoseconds(TimeSpan value) => value.Ticks * 100;
}

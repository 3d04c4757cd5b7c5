using System.Globalization;
using Router.Core.Configuration;

namespace Router.Cli.Doctor;

/// <summary>How `router doctor` writes addresses, sizes, durations and counts for people.</summary>
internal static class DoctorText
{
    /// <summary>The endpoint's URL without user info (which could hold a password), or "(provider default)".</summary>
    public static string Address(EndpointConfig endpoint)
    {
        if (endpoint.Url is not { } url)
        {
            return "(provider default)";
        }

        if (url.UserInfo.Length == 0)
        {
            return url.AbsoluteUri;
        }

        return new UriBuilder(url) { UserName = "", Password = "" }.Uri.AbsoluteUri;
    }

    public static string Provider(ProviderKind provider) => provider switch
    {
        ProviderKind.Ollama => "ollama",
        ProviderKind.OpenAi => "openai",
        ProviderKind.Anthropic => "anthropic",
        _ => provider.ToString().ToLowerInvariant(),
    };

    /// <summary>Bytes as GB with one decimal, as Ollama's own `ollama ps` shows them.</summary>
    public static string Gigabytes(long bytes) => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB";

    /// <summary>How long until the host unloads a model: "4m 10s", "2h 5m", or "kept" for a model held indefinitely.</summary>
    public static string TimeLeft(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is null)
        {
            return "";
        }

        var left = expiresAt.Value - now;
        if (left > TimeSpan.FromDays(7))
        {
            return "kept";
        }

        if (left <= TimeSpan.Zero)
        {
            return "expiring";
        }

        return left.TotalHours >= 1
            ? $"{(int)left.TotalHours}h {left.Minutes}m"
            : left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes}m {left.Seconds}s" : $"{left.Seconds}s";
    }

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    public static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "-",
    };
}

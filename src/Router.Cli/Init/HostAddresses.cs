using System.Globalization;

namespace Router.Cli.Init;

/// <summary>The hosts `router init` probes and the endpoint names it gives them.</summary>
internal static class HostAddresses
{
    public const string LocalDefault = "http://localhost:11434";

    /// <summary>The --host values, or localhost:11434 and $OLLAMA_HOST when none are given; duplicates once.</summary>
    public static IReadOnlyList<Uri> Resolve(IReadOnlyList<string> given, string? ollamaHost, out string? error)
    {
        error = null;
        var texts = given.Count > 0 ? given : [LocalDefault, .. string.IsNullOrWhiteSpace(ollamaHost) ? Array.Empty<string>() : [ollamaHost]];
        var urls = new List<Uri>();
        foreach (var text in texts)
        {
            if (Parse(text) is not { } url)
            {
                error = $"'{Redacted(text)}' is not a host address (e.g. http://gpu-box:11434 or gpu-box:11434)";
                return [];
            }

            // The address is written into router.yaml, a file that ends up in repositories: a credential has no place in it.
            if (url.UserInfo.Length > 0)
            {
                error = $"'{Redacted(text)}' carries a user name or password; give the bare address, and put a key in an environment variable named by the endpoint's apiKeyEnv";
                return [];
            }

            if (!urls.Any(u => Same(u, url)))
            {
                urls.Add(url);
            }
        }

        return urls;
    }

    /// <summary>As Ollama reads OLLAMA_HOST: the scheme and port may be left out (http, 11434); 0.0.0.0 is where it listens, so it is reached on loopback.</summary>
    public static Uri? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "http://" + trimmed;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            return null;
        }

        var builder = new UriBuilder(url);
        if (url.IsDefaultPort && !HasExplicitPort(trimmed))
        {
            builder.Port = 11434;
        }

        if (builder.Host is "0.0.0.0" or "[::]")
        {
            builder.Host = "127.0.0.1";
        }

        return builder.Uri;
    }

    /// <summary>An endpoint name per host: "local" for this machine, else the host's first label; the port is added where two would clash.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<Uri> urls)
    {
        var plain = urls.Select(Plain).ToList();
        return urls.Select((url, i) => plain.Count(p => p == plain[i]) > 1 ? $"{plain[i]}-{url.Port.ToString(CultureInfo.InvariantCulture)}" : plain[i]).ToList();
    }

    private static string Plain(Uri url)
    {
        if (url.IsLoopback)
        {
            return "local";
        }

        var label = url.HostNameType == UriHostNameType.Dns ? url.Host.Split('.')[0] : url.Host;
        var name = new string(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return name.Length == 0 ? "ollama" : name;
    }

    private static bool HasExplicitPort(string text)
    {
        var authority = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/')[0];
        return authority.LastIndexOf(':') > authority.LastIndexOf(']');
    }

    private static bool Same(Uri a, Uri b) =>
        a.Port == b.Port && a.Scheme == b.Scheme && (string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) || (a.IsLoopback && b.IsLoopback));

    private static string Redacted(string text) => Router.Core.Redaction.OutwardRedactor.Default.Redact(text);
}

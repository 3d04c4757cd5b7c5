using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Router.Backends.Providers;

/// <summary>A host's non-success HTTP reply reduced to what may be shown: its status, the kind of failure that status means,
/// and a short one-line excerpt of the message in its body, whatever the body is (Ollama, OpenAI, Anthropic or LiteLLM JSON,
/// JSON of another shape, an HTML error page from a proxy, nothing, a truncated body, bytes that are not UTF-8).</summary>
/// <param name="IsApiAnswer">The body was a JSON object: an API answered, not a proxy's or web server's page.</param>
public sealed partial record HttpErrorReply(int Status, string Excerpt, bool IsApiAnswer)
{
    /// <summary>At most this much of an error body is read; the rest is never looked at.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The longest excerpt of a body that goes into a message.</summary>
    public const int MaxExcerptChars = 200;

    /// <summary>How long the host asked to be left alone (Retry-After, as seconds or a date), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>What the status means for the request: see <see cref="ProviderErrorKind"/>.</summary>
    public ProviderErrorKind Kind => Status switch
    {
        401 or 403 => ProviderErrorKind.Unauthorized,

        // A 404 page that is not the API's JSON means the URL is wrong, not that a model is missing.
        404 => IsApiAnswer ? ProviderErrorKind.ModelNotFound : ProviderErrorKind.BadResponse,
        408 or 504 => ProviderErrorKind.Timeout,
        429 => ProviderErrorKind.RateLimited,
        >= 400 and < 500 => ProviderErrorKind.BadRequest,
        >= 500 and < 600 => ProviderErrorKind.ServerError,
        _ => ProviderErrorKind.BadResponse,
    };

    /// <summary>The failure in words, without the host (the exception adds it): "server error 502: Bad Gateway".</summary>
    public string Describe() => Kind switch
    {
        ProviderErrorKind.ModelNotFound => $"the host does not serve the model (404: {Excerpt})",
        ProviderErrorKind.BadResponse when Status == 404 => $"no model API at this URL (404: {Excerpt}); check the endpoint's url",
        ProviderErrorKind.Timeout => $"the host or a gateway before it gave up waiting ({Status}: {Excerpt})",
        ProviderErrorKind.RateLimited => $"rate limited ({Status}: {Excerpt})",
        ProviderErrorKind.BadRequest => $"request rejected {Status}: {Excerpt}",
        ProviderErrorKind.ServerError => $"server error {Status}: {Excerpt}",
        ProviderErrorKind.Unauthorized => $"the host refused the request ({Status}: {Excerpt})",
        _ => $"unexpected status {Status}: {Excerpt}",
    };

    /// <summary>Reads at most <see cref="MaxBodyBytes"/> of the reply's body; a body that breaks off counts as what arrived.</summary>
    public static async Task<HttpErrorReply> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        byte[] buffer = new byte[MaxBodyBytes];
        int read = 0;
        try
        {
            await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
            int count;
            while (read < buffer.Length && (count = await body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += count;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException)
        {
            // The connection closed mid-body (a truncated reply): what came is all there is.
            cancellationToken.ThrowIfCancellationRequested();
        }

        return From((int)response.StatusCode, buffer.AsSpan(0, read), response.Content.Headers.ContentType) with
        {
            RetryAfter = WaitOf(response.Headers.RetryAfter, DateTimeOffset.UtcNow),
        };
    }

    /// <summary>How long a Retry-After asks the caller to wait: its seconds, or the time until its date (null when past).</summary>
    public static TimeSpan? WaitOf(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };

    /// <summary>The reply for a status and the first bytes of its body.</summary>
    public static HttpErrorReply From(int status, ReadOnlySpan<byte> body, MediaTypeHeaderValue? contentType = null)
    {
        // Invalid UTF-8 becomes U+FFFD rather than an exception.
        string text = Encoding.UTF8.GetString(body.Length > MaxBodyBytes ? body[..MaxBodyBytes] : body).Trim();
        if (text.Length == 0)
        {
            return new HttpErrorReply(status, "(empty body)", false);
        }

        if (FromJson(text) is { } message)
        {
            return new HttpErrorReply(status, Cut(message), true);
        }

        bool html = contentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
            || text.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
        return new HttpErrorReply(status, Cut(html ? FromHtml(text) : text), false);
    }

    /// <summary>The message of an error body in any of the shapes hosts and proxies use; null when the text is not a JSON object.</summary>
    private static string? FromJson(string text)
    {
        if (!text.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return MessageOf(root) ?? root.GetRawText();
        }
        catch (JsonException)
        {
            // Truncated or not JSON at all: the caller shows the raw start of it.
            return null;
        }
    }

    /// <summary>Ollama <c>{"error":"…"}</c>; OpenAI, Anthropic and LiteLLM <c>{"error":{"message","type",…}}</c>; FastAPI and vLLM
    /// <c>{"detail":…}</c>; others <c>{"message":…}</c>.</summary>
    private static string? MessageOf(JsonElement element)
    {
        foreach (string name in (string[])["error", "detail", "message", "msg", "title"])
        {
            if (!element.TryGetProperty(name, out JsonElement value))
            {
                continue;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String when StringOf(value) is { Length: > 0 } message:
                    return message;
                case JsonValueKind.Object when MessageOf(value) is { } nested:
                    string? type = value.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? StringOf(t) : null;
                    return type is { Length: > 0 } && !nested.Contains(type, StringComparison.Ordinal) ? $"{nested} ({type})" : nested;
                case JsonValueKind.Array when value.GetArrayLength() > 0 && value[0] is { ValueKind: JsonValueKind.Object } first && MessageOf(first) is { } listed:
                    // A validation error names the field it refused in loc (["body","suffix"]): the message alone would not say which.
                    return first.TryGetProperty("loc", out JsonElement loc) && loc.ValueKind == JsonValueKind.Array
                        ? $"{listed} ({string.Join('.', loc.EnumerateArray().Select(part => part.ToString()))})"
                        : listed;
            }
        }

        return null;
    }

    /// <summary>The string's value; its raw JSON text when it holds a lone surrogate, which cannot be unescaped.</summary>
    private static string StringOf(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return value.GetRawText().Trim('"');
        }
    }

    /// <summary>An error page's title (nginx: "502 Bad Gateway"), else its first heading, else its text without tags.</summary>
    private static string FromHtml(string html)
    {
        Match title = TitleOrHeading().Match(html);
        string text = title.Success ? title.Groups["text"].Value : Tag().Replace(html, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        return string.IsNullOrWhiteSpace(text) ? "an HTML error page" : text;
    }

    /// <summary>One line, no control characters or lone surrogates, at most <see cref="MaxExcerptChars"/>.</summary>
    internal static string Cut(string text)
    {
        // Redacted before it is cut, so that no part of a secret is ever shown.
        text = Router.Core.Redaction.OutwardRedactor.Default.Redact(text.Length > 4 * MaxExcerptChars ? text[..(4 * MaxExcerptChars)] : text);
        StringBuilder clean = new(Math.Min(text.Length, MaxExcerptChars * 2));
        for (int i = 0; i < text.Length && clean.Length < MaxExcerptChars * 2; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
            }
        }

        string line = Spaces().Replace(clean.ToString(), " ").Trim();
        if (line.Length <= MaxExcerptChars)
        {
            return line;
        }

        int end = char.IsHighSurrogate(line[MaxExcerptChars - 1]) ? MaxExcerptChars - 1 : MaxExcerptChars;
        return line[..end].TrimEnd() + "…";
    }

    [GeneratedRegex(@"<(title|h1)[^>]*>(?<text>[^<]{1,400})</\1>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleOrHeading();

    [GeneratedRegex("<[^>]{0,400}>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

using System.Text;
using Router.Core.Privacy;

namespace Router.Core.Redaction;

/// <summary>The one step every string leaving the router for a person passes (status, log and shown messages, errors,
/// doctor, "why this model", stderr): URL credentials, private key material and anything the privacy scanner flags (API
/// keys, tokens, passwords, personal numbers) become <see cref="Marker"/>, and the rest stays readable.</summary>
/// <remarks>Pure and thread-safe. Model answers are not outward strings in this sense: they are the user's own text, shown
/// where the user asked for it.</remarks>
public sealed class OutwardRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Marker = "***";

    /// <summary>How much of a host's error body is shown: enough for the host's own words, not a page of HTML.</summary>
    public const int HostErrorBodyLimit = 200;

    // A secret that starts inside the shown part of a body is judged with this much of what follows it.
    private const int HostErrorBodySlack = 1024;

    private readonly FlaggedWindows _flagged;

    /// <summary>A redactor judging with <paramref name="scanner"/>; its private path patterns play no part.</summary>
    public OutwardRedactor(PrivacyScanner scanner)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        _flagged = new FlaggedWindows(scanner);
    }

    /// <summary>The redactor every host uses.</summary>
    public static OutwardRedactor Default { get; } = new(new PrivacyScanner([]));

    /// <summary><paramref name="text"/> with every secret in it replaced by <see cref="Marker"/>; "" for null.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        string redacted = text;
        if (UrlCredentials.MayHold(redacted))
        {
            redacted = UrlCredentials.Strip(redacted, Marker);
        }

        if (PrivateKeyBlocks.MayHold(redacted))
        {
            redacted = PrivateKeyBlocks.Strip(redacted, Marker);
        }

        return _flagged.Redact(redacted, Marker);
    }

    /// <summary>Redacts a value that may be null and stays null.</summary>
    public string? RedactOptional(string? text) => text is null ? null : Redact(text);

    /// <summary>A host's error body as it may be shown: on one line, redacted, and cut to
    /// <see cref="HostErrorBodyLimit"/> characters.</summary>
    public string HostErrorBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        string head = body.Length > HostErrorBodyLimit + HostErrorBodySlack ? body[..(HostErrorBodyLimit + HostErrorBodySlack)] : body;
        string line = OneLine(Redact(head));
        if (line.Length <= HostErrorBodyLimit && head.Length == body.Length)
        {
            return line;
        }

        int cut = Math.Min(line.Length, HostErrorBodyLimit);
        if (cut > 0 && char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line[..cut] + "…";
    }

    private static string OneLine(string text)
    {
        StringBuilder line = new(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
        }

        return line.ToString();
    }
}

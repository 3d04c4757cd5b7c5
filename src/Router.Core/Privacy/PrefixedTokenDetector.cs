using System.Buffers;

namespace Router.Core.Privacy;

/// <summary>Provider tokens with a fixed prefix (GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic, Google, AWS key ids, …), table-driven as gitleaks rules are.</summary>
internal sealed class PrefixedTokenDetector : ITextDetector
{
    private static readonly SearchValues<char> Alnum = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    private static readonly SearchValues<char> AlnumUnderscore = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
    private static readonly SearchValues<char> Base64Url = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    private static readonly SearchValues<char> AlnumDash = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");
    private static readonly SearchValues<char> Base32Upper = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");
    private static readonly SearchValues<char> SendGridBody = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");
    private static readonly SearchValues<char> WebhookPath = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_-");

    private readonly PrefixedTokenRule[] _rules =
    [
        // AWS access key ids: the 4-letter type prefix, then 16 base32 characters.
        new("aws-access-key", "AWS access key id", "AKIA", Base32Upper, 16, 16, 2.5),
        new("aws-access-key", "AWS temporary access key id", "ASIA", Base32Upper, 16, 16, 2.5),
        new("aws-access-key", "AWS access key id", "ABIA", Base32Upper, 16, 16, 2.5),
        new("aws-access-key", "AWS access key id", "ACCA", Base32Upper, 16, 16, 2.5),
        new("github-token", "GitHub personal access token", "ghp_", Alnum, 36, 251),
        new("github-token", "GitHub OAuth token", "gho_", Alnum, 36, 251),
        new("github-token", "GitHub user-to-server token", "ghu_", Alnum, 36, 251),
        new("github-token", "GitHub server-to-server token", "ghs_", Alnum, 36, 251),
        new("github-token", "GitHub refresh token", "ghr_", Alnum, 36, 251),
        new("github-token", "GitHub fine-grained personal access token", "github_pat_", AlnumUnderscore, 50, 251),
        new("gitlab-token", "GitLab personal access token", "glpat-", Base64Url, 20, 64),
        new("gitlab-token", "GitLab deploy token", "gldt-", Base64Url, 20, 64),
        new("gitlab-token", "GitLab runner token", "glrt-", Base64Url, 20, 64),
        new("gitlab-token", "GitLab pipeline trigger token", "glptt-", Base64Url, 20, 64),
        new("slack-token", "Slack bot token", "xoxb-", AlnumDash, 20, 255, 2.8),
        new("slack-token", "Slack user token", "xoxp-", AlnumDash, 20, 255, 2.8),
        new("slack-token", "Slack token", "xoxa-", AlnumDash, 20, 255, 2.8),
        new("slack-token", "Slack refresh token", "xoxe-", AlnumDash, 20, 255, 2.8),
        new("slack-token", "Slack app-level token", "xapp-", AlnumDash, 20, 255, 2.8),
        new("slack-webhook", "Slack incoming webhook URL", "hooks.slack.com/services/", WebhookPath, 30, 120, 3.5),
        new("slack-webhook", "Slack workflow webhook URL", "hooks.slack.com/workflows/", WebhookPath, 30, 120, 3.5),
        new("slack-webhook", "Slack trigger webhook URL", "hooks.slack.com/triggers/", WebhookPath, 30, 120, 3.5),
        new("discord-webhook", "Discord webhook URL", "discord.com/api/webhooks/", WebhookPath, 60, 120, 3.5),
        new("discord-webhook", "Discord webhook URL", "discordapp.com/api/webhooks/", WebhookPath, 60, 120, 3.5),
        new("stripe-key", "Stripe live secret key", "sk_live_", Alnum, 20, 247),
        new("stripe-key", "Stripe test secret key", "sk_test_", Alnum, 20, 247),
        new("stripe-key", "Stripe live restricted key", "rk_live_", Alnum, 20, 247),
        new("stripe-key", "Stripe test restricted key", "rk_test_", Alnum, 20, 247),
        new("stripe-key", "Stripe webhook signing secret", "whsec_", Alnum, 24, 128),
        new("anthropic-key", "Anthropic API key", "sk-ant-", Base64Url, 32, 200),
        new("openai-key", "OpenAI project API key", "sk-proj-", Base64Url, 32, 300),
        new("openai-key", "OpenAI service account key", "sk-svcacct-", Base64Url, 32, 300),
        new("openai-key", "OpenAI admin key", "sk-admin-", Base64Url, 32, 300),
        new("openai-key", "OpenAI API key", "sk-", Alnum, 32, 64),
        new("google-api-key", "Google API key", "AIza", Base64Url, 35, 35),
        new("google-oauth-secret", "Google OAuth client secret", "GOCSPX-", Base64Url, 24, 40),
        new("npm-token", "npm access token", "npm_", Alnum, 36, 36),
        new("pypi-token", "PyPI upload token", "pypi-AgEIcHlwaS5vcmc", Base64Url, 40, 300),
        new("huggingface-token", "Hugging Face access token", "hf_", Alnum, 34, 40),
        new("shopify-token", "Shopify access token", "shpat_", LowerHex, 32, 32),
        new("shopify-token", "Shopify shared secret", "shpss_", LowerHex, 32, 32),
        new("digitalocean-token", "DigitalOcean personal access token", "dop_v1_", LowerHex, 64, 64),
        new("vault-token", "HashiCorp Vault service token", "hvs.", Base64Url, 24, 200),
        new("grafana-token", "Grafana service account token", "glsa_", AlnumUnderscore, 32, 64),
        new("postman-key", "Postman API key", "PMAK-", AlnumDash, 59, 59),
        new("age-secret-key", "age encryption secret key", "AGE-SECRET-KEY-1", Alnum, 58, 58, 2.8),
        new("sendgrid-key", "SendGrid API key", "SG.", SendGridBody, 66, 66),
        new("mailgun-key", "Mailgun API key", "key-", LowerHex, 32, 32),
    ];

    // Families share one anchor: fewer anchors keep the scanner's multi-string search on its fastest path.
    private static readonly string[] FamilyAnchors = ["sk_", "rk_", "sk-", "xox", "hooks.slack.com/", "shp"];

    private readonly Dictionary<string, PrefixedTokenRule[]> _byPrefix;

    public PrefixedTokenDetector()
    {
        _byPrefix = _rules.GroupBy(rule => AnchorOf(rule.Prefix), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
        Anchors = [.. _byPrefix.Keys];
    }

    public IReadOnlyList<string> Anchors { get; }

    private static string AnchorOf(string prefix) =>
        Array.Find(FamilyAnchors, family => prefix.StartsWith(family, StringComparison.Ordinal)) ?? prefix;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, int at, string anchor, in TextScanContext context)
    {
        // A token starts at a word boundary: "task-…" must not read as "sk-…".
        if (at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == '_'))
        {
            return null;
        }

        foreach (PrefixedTokenRule rule in _byPrefix[anchor])
        {
            if (!text[at..].StartsWith(rule.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            ReadOnlySpan<char> rest = text[(at + rule.Prefix.Length)..];
            int body = rest.IndexOfAnyExcept(rule.Body);
            if (body < 0)
            {
                body = rest.Length;
            }

            // Trailing '-' or '_' are usually punctuation, not the token.
            while (body > 0 && rest[body - 1] is '-' or '_' && !rule.Body.Contains('/'))
            {
                body--;
            }

            if (body < rule.MinBody || body > rule.MaxBody)
            {
                continue;
            }

            // The token ends at a boundary too: letters or digits right after it mean a longer, different string.
            if (body < rest.Length && char.IsAsciiLetterOrDigit(rest[body]))
            {
                continue;
            }

            ReadOnlySpan<char> value = rest[..body];
            if (ValueShape.IsPlaceholder(value) || ValueShape.Entropy(value) < rule.MinEntropy)
            {
                continue;
            }

            if (rule.Detector == "openai-key" && rule.Prefix == "sk-" && ValueShape.CharacterClasses(value) < 3)
            {
                continue;
            }

            return new PrivacyFinding(rule.Detector, context.Field, $"{rule.Description} in {context.Field}");
        }

        return null;
    }
}

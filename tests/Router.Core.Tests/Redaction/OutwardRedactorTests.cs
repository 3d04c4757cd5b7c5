using Router.Core.Redaction;
using Router.Core.Tests.Privacy;
using static Router.Core.Tests.Privacy.SyntheticSecret;

namespace Router.Core.Tests.Redaction;

/// <summary>What a person sees of a string that leaves the router: no secret, and the rest as it was.</summary>
public sealed class OutwardRedactorTests
{
    private static readonly OutwardRedactor Redactor = OutwardRedactor.Default;
    private static readonly string Password = "Hx7" + Of(Alnum, 9, 201) + "q";
    private static readonly string GitHubToken = "ghp_" + Of(Alnum, 36, 202);
    private static readonly string OpenAiKey = "sk-proj-" + Of(Base64Url, 48, 203);
    private static readonly string KeyLine1 = Of(Base64, 64, 204);
    private static readonly string KeyLine2 = Of(Base64, 64, 205);

    public static TheoryData<string, string, string, string> Secrets()
    {
        string jwt = $"{Base64UrlOf("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{Base64UrlOf("{\"sub\":\"svc-7\",\"exp\":1893456000}")}.{Of(Base64Url, 43, 206)}";
        string card = Grouped(CardNumber("4", 16, 207), ' ', 4, 4, 4, 4);
        return new TheoryData<string, string, string, string>
        {
            // name, text, the secret, what must still be readable
            { "password in an http url", $"Ollama at http://admin:{Password}@gpu-box:11434/ for model \"qwen2.5-coder:14b\": connection refused", Password, "gpu-box:11434" },
            { "password in a postgres url", $"cannot reach postgres://app:{Password}@db.internal/shop", Password, "db.internal/shop" },
            { "token as url user name", $"clone failed: https://{GitHubToken}@github.com/acme/app.git", GitHubToken, "github.com/acme/app.git" },
            { "provider key echoed in a json error body", $"HTTP 401: {{\"error\":{{\"message\":\"Incorrect API key provided: {OpenAiKey}\",\"type\":\"invalid_request_error\"}}}}", OpenAiKey, "Incorrect API key provided" },
            { "bearer jwt", $"upstream said: Authorization: Bearer {jwt} was rejected", jwt, "was rejected" },
            { "assignment in a log line", $"config: api_key = \"{Of(Alnum, 32, 208)}\"", Of(Alnum, 32, 208), "api_key" },
            { "password in prose", $"the new password is {Password} and it still fails", Password, "it still fails" },
            { "card number in groups", $"payment with {card} declined", card[..14], "declined" },
        };
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Secret_is_replaced_and_the_rest_stays_readable(string name, string text, string secret, string readable)
    {
        string shown = Redactor.Redact(text);

        Assert.False(shown.Contains(secret, StringComparison.Ordinal), $"{name}: {shown}");
        Assert.Contains(OutwardRedactor.Marker, shown, StringComparison.Ordinal);
        Assert.Contains(readable, shown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProsePasswordTests.Disclosures), MemberType = typeof(ProsePasswordTests))]
    public void A_password_told_in_any_language_goes_and_its_sentence_stays(string language, string text, string secret)
    {
        string shown = Redactor.Redact(text);

        Assert.False(shown.Contains(secret, StringComparison.Ordinal), $"{language}: {shown}");
        Assert.Equal(text.Length - secret.Length + OutwardRedactor.Marker.Length, shown.Length);
    }

    [Fact]
    public void Url_credentials_go_whatever_the_password_looks_like_and_the_host_stays()
    {
        string shown = Redactor.Redact("probe of http://admin:password@10.0.0.5:11434 failed; retry https://bot@example.org/x");

        Assert.Equal("probe of http://***@10.0.0.5:11434 failed; retry https://***@example.org/x", shown);
    }

    [Theory]
    [InlineData("endpoints.gateway.url: 'http://svc:pa#ss77@10.0.0.5/v1' is not an http or https URL", "endpoints.gateway.url: 'http://***@10.0.0.5/v1' is not an http or https URL")]
    [InlineData("http://admin:who?knows@gpu-box:11434 refused", "http://***@gpu-box:11434 refused")]
    [InlineData("see http://docs.example.org?to=ops@example.org for help", "see http://docs.example.org?to=ops@example.org for help")]
    [InlineData("see http://gpu-box:8080#owner@example.org", "see http://gpu-box:8080#owner@example.org")]
    public void A_password_with_a_query_or_fragment_character_still_goes_and_an_address_in_a_query_stays(string text, string shown) =>
        Assert.Equal(shown, Redactor.Redact(text));

    [Fact]
    public void A_private_key_block_loses_all_its_lines_but_keeps_its_kind()
    {
        string text = $"key file:\n-----BEGIN RSA PRIVATE KEY-----\n{KeyLine1}\n{KeyLine2}\n-----END RSA PRIVATE KEY-----\nend";

        string shown = Redactor.Redact(text);

        Assert.DoesNotContain(KeyLine1, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyLine2, shown, StringComparison.Ordinal);
        Assert.Contains("-----BEGIN RSA PRIVATE KEY-----", shown, StringComparison.Ordinal);
        Assert.EndsWith("-----END RSA PRIVATE KEY-----\nend", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_secrets_on_one_line_both_go()
    {
        string shown = Redactor.Redact($"tried {GitHubToken} then {OpenAiKey}, both refused");

        Assert.Equal("tried *** then ***, both refused", shown);
    }

    [Fact]
    public void A_secret_in_a_line_too_long_to_search_takes_the_line_with_it_and_the_other_lines_stay()
    {
        string longLine = string.Join(' ', Enumerable.Repeat("lorem", 4000)) + $" token {GitHubToken}";

        string shown = Redactor.Redact($"first line\n{longLine}\nlast line");

        Assert.Equal("first line\n***\nlast line", shown);
    }

    [Fact]
    public void A_seed_phrase_goes_whole()
    {
        const string phrase = "abandon ability able about above absent absorb abstract absurd abuse access accident";
        string text = $"my seed phrase is {phrase}, keep it safe";
        Assert.NotNull(new Router.Core.Privacy.PrivacyScanner([]).ScanText(text, "text"));

        string shown = Redactor.Redact(text);

        Assert.DoesNotContain("abandon", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("accident", shown, StringComparison.Ordinal);
        Assert.EndsWith("keep it safe", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("code qwen2.5-coder:14b on gpu-box: failed after 120034 ms: timeout: no answer within 120 s")]
    [InlineData("gpu-box: model qwen2.5-coder:32b is missing — run `ollama pull qwen2.5-coder:32b` on that host, or set another model")]
    [InlineData("private: password in a http URL in text")]
    [InlineData("Ollama at http://127.0.0.1:11434/ for model \"qwen2.5:3b\": HTTP 500: model requires more system memory (12.4 GiB) than is available (3.1 GiB)")]
    [InlineData("| host | state | warm models | last error |\n|---|---|---|---|\n| gpu-box | usable | qwen2.5:3b |  |\n")]
    public void Text_without_a_secret_is_returned_unchanged(string text) => Assert.Same(text, Redactor.Redact(text));

    [Fact]
    public void A_host_error_body_is_cut_to_one_short_redacted_line()
    {
        string body = $"<html>\n<body>\n<h1>502 Bad Gateway</h1>\n<p>upstream token {GitHubToken}</p>\n{new string('x', 3000)}</body></html>";

        string shown = Redactor.HostErrorBody(body);

        Assert.DoesNotContain(GitHubToken, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", shown, StringComparison.Ordinal);
        Assert.StartsWith("<html> <body> <h1>502 Bad Gateway</h1>", shown, StringComparison.Ordinal);
        Assert.True(shown.Length <= OutwardRedactor.HostErrorBodyLimit + 1, shown);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_cut_by_the_body_limit_is_still_not_shown_in_part()
    {
        string body = new string('-', OutwardRedactor.HostErrorBodyLimit - 20) + " key " + OpenAiKey;

        string shown = Redactor.HostErrorBody(body);

        Assert.DoesNotContain(OpenAiKey[..12], shown, StringComparison.Ordinal);
    }
}

using Router.Core.Privacy;
using static Router.Core.Tests.Privacy.SyntheticSecret;

namespace Router.Core.Tests.Privacy;

public sealed class PrivacyScannerTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_text_has_no_finding(string? text) => Assert.Null(DetectorCase.Scanner.ScanText(text, "text"));

    [Fact]
    public void Finding_names_the_field_it_came_from()
    {
        PrivacyFinding? finding = DetectorCase.Scanner.ScanText("auth = \"ghp_" + Of(SyntheticSecret.Alnum, 36, 401) + "\"", "history");

        Assert.NotNull(finding);
        Assert.Equal("history", finding.Field);
        Assert.Contains("history", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_never_repeats_the_secret()
    {
        string secret = "sk_live_" + Of(SyntheticSecret.Alnum, 32, 402);

        PrivacyFinding? finding = DetectorCase.Scanner.ScanText($"key {secret}", "text");

        Assert.NotNull(finding);
        Assert.DoesNotContain(secret[8..], finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_deep_in_a_long_code_request_is_found()
    {
        string code = string.Concat(Enumerable.Repeat("    total += item.price * item.quantity  # keep a running sum\n", 200));
        string text = code + "GITLAB=glpat-" + Of(SyntheticSecret.Base64Url, 20, 403) + "\n" + code;

        Assert.Equal("gitlab-token", DetectorCase.Scanner.ScanText(text, "prefix")?.Detector);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_first_secret_in_the_text_is_the_one_reported(bool awsFirst)
    {
        // An AWS key id, a Slack token and a JWT-like value: kinds whose anchors sort far apart.
        string aws = "AKIA" + Of(Base32Upper, 16, 404);
        string slack = "xoxb-" + Of("0123456789", 12, 405) + "-" + Of("0123456789", 13, 406) + "-" + Of(SyntheticSecret.Alnum, 24, 407);
        string text = awsFirst
            ? $"aws_id = \"{aws}\"\nslack = \"{slack}\"\n"
            : $"slack = \"{slack}\"\naws_id = \"{aws}\"\n";

        Assert.Equal(awsFirst ? "aws-access-key" : "slack-token", DetectorCase.Scanner.ScanText(text, "text")?.Detector);
    }

    [Fact]
    public void Ordinary_code_and_prose_are_not_private()
    {
        string[] texts =
        [
            "func (s *Store) Room(ctx context.Context, id int64) (Room, error) {\n\trow := s.db.QueryRowContext(ctx, \"SELECT id, name FROM rooms WHERE id = $1\", id)\n",
            "FROM node:20-alpine@sha256:" + Of(SyntheticSecret.LowerHex, 64, 404) + " AS build\nCOPY package.json package-lock.json ./\n",
            "\"integrity\": \"sha512-" + Of(SyntheticSecret.Base64, 86, 405) + "==\"",
            "commit " + Of(SyntheticSecret.LowerHex, 40, 406) + "\nAuthor: Sam <sam@example.com>",
            "Design a feature-flag service that 300 microservices query; latency under 1 ms, rollouts by tenant.",
            "weather:\n  provider: openmeteo\n  api_key: \"<insert-key-here>\"\nmaps:\n  token: REPLACE_ME",
            "class PromptBudget:\n    def __init__(self, tokenizer, max_tokens=4096):\n        self.tokenizer = tokenizer\n",
        ];

        Assert.All(texts, text => Assert.Null(DetectorCase.Scanner.ScanText(text, "text")));
    }

    [Fact]
    public void Scanner_is_safe_to_share_between_threads()
    {
        string secret = "glpat-" + Of(SyntheticSecret.Base64Url, 20, 407);
        var findings = new PrivacyFinding?[64];

        Parallel.For(0, findings.Length, i => findings[i] = DetectorCase.Scanner.ScanText(i % 2 == 0 ? secret : "plain text " + i, "text"));

        for (int i = 0; i < findings.Length; i++)
        {
            Assert.Equal(i % 2 == 0, findings[i] is not null);
        }
    }
}

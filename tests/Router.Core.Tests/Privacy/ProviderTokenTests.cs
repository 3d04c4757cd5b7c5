using static Router.Core.Tests.Privacy.SyntheticSecret;

namespace Router.Core.Tests.Privacy;

public sealed class ProviderTokenTests
{
    public static TheoryData<string, string, string, string> Positives()
    {
        var data = new TheoryData<string, string, string, string>();
        void Add(string name, string detector, string secret, Func<string, string> context) => data.Add(name, context(secret), detector, secret[^8..]);

        Add("aws access key id in terraform", "aws-access-key", "AKIA" + Of(Base32Upper, 16, 1), s => $"provider \"aws\" {{\n  region = \"eu-west-1\"\n  aws_id = \"{s}\"\n}}");
        Add("aws temporary key id in prose", "aws-access-key", "ASIA" + Of(Base32Upper, 16, 2), s => $"the session creds start with {s}, is that expected?");
        Add("github classic pat in npmrc", "github-token", "ghp_" + Of(Alnum, 36, 3), s => $"//npm.pkg.github.com/:_authToken={s}");
        Add("github oauth token", "github-token", "gho_" + Of(Alnum, 36, 4), s => $"export GH_AUTH={s}");
        Add("github app installation token", "github-token", "ghs_" + Of(Alnum, 36, 5), s => $"curl -H 'X: {s}' https://api.github.com");
        Add("github user-to-server token", "github-token", "ghu_" + Of(Alnum, 36, 6), s => $"value: {s}");
        Add("github refresh token", "github-token", "ghr_" + Of(Alnum, 36, 7), s => $"[{s}]");
        Add("github fine-grained pat", "github-token", "github_pat_" + Of(Alnum, 22, 8) + "_" + Of(Alnum, 59, 9), s => $"GH={s}");
        Add("gitlab pat in git url", "gitlab-token", "glpat-" + Of(Base64Url, 20, 10), s => $"use {s} for the clone");
        Add("slack bot token", "slack-token", "xoxb-" + Of("0123456789", 12, 11) + "-" + Of("0123456789", 13, 12) + "-" + Of(Alnum, 24, 13), s => $"client = WebClient(\"{s}\")");
        Add("slack user token", "slack-token", "xoxp-" + Of("0123456789", 12, 14) + "-" + Of("0123456789", 12, 15) + "-" + Of(Alnum, 32, 16), s => s);
        Add("slack app token", "slack-token", "xapp-1-A" + Of(Alnum.ToUpperInvariant(), 10, 17) + "-" + Of("0123456789", 13, 18) + "-" + Of(LowerHex, 64, 19), s => $"SOCKET={s}");
        Add("slack webhook url", "slack-webhook", "https://hooks.slack.com/services/T" + Of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8, 20) + "/B" + Of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10, 21) + "/" + Of(Alnum, 24, 22), s => $"requests.post(\"{s}\", json=payload)");
        Add("stripe live secret key", "stripe-key", "sk_live_" + Of(Alnum, 99, 23), s => $"Stripe account key {s} baked into the gateway.");
        Add("stripe test key is still a secret", "stripe-key", "sk_test_" + Of(Alnum, 24, 24), s => $"stripe.api_key = '{s}'");
        Add("stripe restricted key", "stripe-key", "rk_live_" + Of(Alnum, 24, 25), s => s);
        Add("openai legacy key", "openai-key", "sk-" + Of(Alnum, 48, 26), s => $"openai.api_key = \"{s}\"");
        Add("openai project key", "openai-key", "sk-proj-" + Of(Base64Url, 120, 27), s => $"OPENAI={s}");
        Add("anthropic key", "anthropic-key", "sk-ant-api03-" + Of(Base64Url, 93, 28) + "AA", s => $"client = Anthropic(api_key=\"{s}\")");
        Add("google api key in a query", "google-api-key", "AIza" + Of(Base64Url, 35, 29), s => $"params={{\"key\": \"{s}\"}}");
        Add("google oauth client secret", "google-oauth-secret", "GOCSPX-" + Of(Base64Url, 28, 30), s => $"\"client_x\": \"{s}\"");
        Add("npm token", "npm-token", "npm_" + Of(Alnum, 36, 31), s => $"//registry.npmjs.org/:_authToken={s}");
        Add("hugging face token", "huggingface-token", "hf_" + Of(Alnum, 34, 32), s => $"login(\"{s}\")");
        Add("sendgrid key", "sendgrid-key", "SG." + Of(Base64Url, 22, 33) + "." + Of(Base64Url, 43, 34), s => $"SENDGRID={s}");
        Add("mailgun key", "mailgun-key", "key-" + Of(LowerHex, 32, 35), s => $"auth=(\"api\", \"{s}\")");
        Add("discord webhook url", "discord-webhook", "https://discord.com/api/webhooks/" + Of("0123456789", 18, 36) + "/" + Of(Base64Url, 68, 37), s => $"WEBHOOK = \"{s}\"");
        return data;
    }

    public static TheoryData<string, string> Negatives() => new()
    {
        { "aws documentation example key", "aws_access_key_id = AKIA" + "IOSFODNN7" + "EXAMPLE" },
        { "aws-like run that continues in lower case", "AKIA" + Of(Base32Upper, 16, 40) + "abc" },
        { "akia inside a longer word", "XAKIA" + Of(Base32Upper, 16, 41) },
        { "github prefix with placeholder body", "token: ghp_" + new string('x', 36) },
        { "github prefix too short", "see ghp_" + Of(Alnum, 20, 42) },
        { "github prefix in prose", "GitHub tokens start with ghp_ followed by 36 characters." },
        { "openai prefix inside a word", "the task-" + Of(Alnum, 40, 43) + " finished" },
        { "openai key placeholder", "OPENAI_API_KEY=sk-your-key-here" },
        { "openai key lower case only", "sk-" + new string('a', 20) + new string('b', 20) },
        { "stripe publishable key", "Stripe.setPublishableKey('pk_live_" + Of(Alnum, 24, 44) + "')" },
        { "slack channel name", "post it in #xoxb-alerts" },
        { "google key too short", "AIza" + Of(Base64Url, 20, 45) },
        { "google key placeholder", "key=AIza" + new string('X', 35) },
        { "anthropic prefix in prose", "Anthropic keys look like sk-ant-api03-... and are secret." },
        { "gitlab prefix placeholder", "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx" },
        { "key- word in prose", "the key-value store and the key-" + "rotation job" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Provider_token_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Look_alike_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}

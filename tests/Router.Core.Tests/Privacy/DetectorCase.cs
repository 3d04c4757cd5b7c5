namespace Router.Core.Tests.Privacy;

/// <summary>Shared table plumbing: every detector test names its case, gives the text, and (for positives) the detector id.</summary>
internal static class DetectorCase
{
    public static readonly Router.Core.Privacy.PrivacyScanner Scanner = new(["**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/id_rsa*", "**/credentials*", "**/secrets.*"]);

    public static void AssertFlagged(string text, string detector, string secretPart)
    {
        Router.Core.Privacy.PrivacyFinding? finding = Scanner.ScanText(text, "text");

        Assert.NotNull(finding);
        Assert.Equal(detector, finding.Detector);
        Assert.Equal("text", finding.Field);
        Assert.DoesNotContain(secretPart, finding.Description, StringComparison.Ordinal);
    }

    public static void AssertClean(string text)
    {
        Router.Core.Privacy.PrivacyFinding? finding = Scanner.ScanText(text, "text");

        Assert.True(finding is null, $"unexpected {finding?.Detector}: {finding?.Description}");
    }
}

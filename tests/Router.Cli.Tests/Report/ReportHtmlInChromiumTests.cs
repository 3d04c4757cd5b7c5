using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Router.Cli.Commands;
using Router.Cli.Report;

namespace Router.Cli.Tests.Report;

public sealed partial class ReportHtmlInChromiumTests
{
    /// <summary>Where the screenshot is left for a person to look at (docs/usage-report.png is a copy of it).</summary>
    public static readonly string Screenshot = Path.Combine(AppContext.BaseDirectory, "usage-report.png");

    [Fact]
    public async Task The_html_report_renders_in_chromium_with_every_chart_and_nothing_fetched()
    {
        using SeededLedgerFile seeded = await SeededLedgerFile.CreateAsync();
        string page = Path.Combine(seeded.Folder, "report.html");

        // A daily budget the seeded cloud use sometimes passes, so the chart shows days over it.
        string config = Path.Combine(seeded.Folder, "router.yaml");
        string evalConfig = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "eval", "router.yaml"));
        Assert.Contains("dailyUsd: 5.00", evalConfig, StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, evalConfig.Replace("dailyUsd: 5.00", "dailyUsd: 0.15", StringComparison.Ordinal));
        StringWriter stdout = new();
        StringWriter stderr = new();

        int exit = await ReportCommand.RunAsync(
            new ReportInvocation("30d", Json: false, page, config, seeded.Path),
            stdout, stderr, seeded.Folder, static _ => null, new FixedClock(seeded.Now), CancellationToken.None);
        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains($"HTML report: {page}", stdout.ToString(), StringComparison.Ordinal);

        // One file: no script, no link or image from elsewhere.
        string html = await File.ReadAllTextAsync(page);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), html);

        // As Chromium parsed it: the four charts are SVG in the document, with their parts.
        string dom = await Chromium.DumpDomAsync(page);
        Assert.Equal(4, Regex.Count(dom, "<svg "));
        Assert.Contains("Each route's share of requests, tokens and time", dom, StringComparison.Ordinal);
        Assert.Contains("daily budget $0.15", dom, StringComparison.Ordinal);
        Assert.Contains("unknown: ", dom, StringComparison.Ordinal);
        Assert.Contains("qwen2.5-coder:32b alone", dom, StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* day\(s\) over the daily budget", dom);
        Assert.DoesNotContain("NaN", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", dom, StringComparison.Ordinal);

        await Chromium.ScreenshotAsync(page, Screenshot, 960, 2800);
        byte[] png = await File.ReadAllBytesAsync(Screenshot);
        Assert.True(png.AsSpan(1, 3).SequenceEqual("PNG"u8), "chromium wrote no PNG");
        Assert.Equal(960, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(2800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        // A blank page compresses to almost nothing; charts and text do not.
        Assert.True(png.Length > 60_000, $"the screenshot is {png.Length} bytes: is the page blank?");
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}

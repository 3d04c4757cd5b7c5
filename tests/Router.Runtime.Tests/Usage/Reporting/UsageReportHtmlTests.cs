using System.Text.RegularExpressions;
using Router.Core.Usage.Reporting;
using Router.Runtime.Usage.Reporting;

namespace Router.Runtime.Tests.Usage.Reporting;

public sealed class UsageReportHtmlTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static string Page()
    {
        UsageReport report = UsageReportBuilder.Build(
            [UsageLedgerTests.Record("a", Noon.AddHours(-1)), UsageLedgerTests.Record("b", Noon.AddHours(-2))],
            new UsageReportOptions(Noon.AddDays(-1), Noon, TimeZoneInfo.Utc));
        return UsageReportHtml.Render(report);
    }

    [Fact]
    public void The_page_turns_dark_in_a_dark_VS_Code_theme_and_in_a_browser_set_to_dark()
    {
        string page = Page();

        Assert.Contains("body.vscode-dark", page, StringComparison.Ordinal);
        Assert.Contains("@media (prefers-color-scheme:dark)", page, StringComparison.Ordinal);
        Assert.Contains("background:var(--bg)", page, StringComparison.Ordinal);
    }

    [Fact]
    public void No_text_or_line_is_drawn_in_a_fixed_light_colour_that_would_vanish_on_a_dark_background()
    {
        string page = Page();
        string body = page[page.IndexOf("</style>", StringComparison.Ordinal)..];

        // White only as text on the coloured bars; the grid and labels follow the theme.
        Assert.DoesNotMatch(new Regex("stroke=\"#(?:e6e9ef|fff)\"|stroke:#fff|fill:#1d2330"), body);
    }
}

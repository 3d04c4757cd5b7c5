using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;

namespace Router.Lsp.Tests.Configuration;

/// <summary>Broken saves of router.yaml through the real file watcher: the server keeps running on the last good
/// configuration and tells the editor once what is wrong, where.</summary>
public sealed class ConfigReloadFaultTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("router-lsp-config-fault-").FullName;

    private string ConfigPath => Path.Combine(_workspace, "router.yaml");

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private static string UnclosedEscalation(string codeModel) =>
        TestConfig.Yaml(codeModel: codeModel) + "\nescalation: [quick, code, heavy, frontier\nbudget:\n  dailyUsd: 1\n";

    [Fact]
    public async Task A_save_with_an_unclosed_bracket_keeps_the_last_good_config_and_names_the_line_and_key()
    {
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:good"));
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.FromFile(ConfigPath, _ => null));
        ConfigReloadWatch reloads = new(lsp.Config);

        string broken = UnclosedEscalation("coder:broken");
        await File.WriteAllTextAsync(ConfigPath, broken);
        ConfigReload reload = await reloads.NextAsync(lsp.Timeout);
        ShowMessageParams popup = await NextPopupAsync(lsp, 1);
        lsp.Provider.Answer = _ => "1;";
        await lsp.OpenAsync("var x = ");
        await lsp.InlineAsync(0, 8);

        Assert.False(reload.Applied);
        int line = LineOf(broken, "escalation:");
        ConfigDiagnostic error = Assert.Single(reload.Diagnostics, d => d.IsError);
        Assert.Equal((line, "escalation"), (error.Line, error.Key));
        Assert.Equal(MessageType.Error, popup.Type);
        Assert.Contains($"router.yaml:{line}: error: escalation:", popup.Message, StringComparison.Ordinal);
        Assert.Contains("last good configuration", popup.Message, StringComparison.Ordinal);
        Assert.Equal("coder:good", Assert.Single(lsp.Provider.Requests).Model);
    }

    [Fact]
    public async Task Saving_the_same_broken_text_again_tells_the_editor_once()
    {
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:good"));
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.FromFile(ConfigPath, _ => null));
        ConfigReloadWatch reloads = new(lsp.Config);

        await File.WriteAllTextAsync(ConfigPath, UnclosedEscalation("coder:broken"));
        ConfigReload first = await reloads.NextAsync(lsp.Timeout);
        await NextPopupAsync(lsp, 1);
        await File.WriteAllTextAsync(ConfigPath, UnclosedEscalation("coder:broken"));
        ConfigReload again = await reloads.NextAsync(lsp.Timeout);
        string otherProblem = TestConfig.Yaml(codeModel: "coder:broken") + "\nbudget:\n  outputReserveTokens: 2147483647\n";
        await File.WriteAllTextAsync(ConfigPath, otherProblem);
        ConfigReload other = await reloads.NextAsync(lsp.Timeout);
        ShowMessageParams second = await NextPopupAsync(lsp, 2);

        Assert.Equal((false, false), (first.Applied, first.Repeat));
        Assert.Equal((false, true), (again.Applied, again.Repeat));
        Assert.Equal((false, false), (other.Applied, other.Repeat));
        Assert.Equal(2, lsp.ShownMessages.Count);
        Assert.Contains("budget.outputReserveTokens", second.Message, StringComparison.Ordinal);
        Assert.Equal("coder:good", lsp.Config.Current.Tiers[Tier.Code].Model);
    }

    [Fact]
    public async Task Binary_junk_and_a_file_that_cannot_be_read_keep_the_last_good_config()
    {
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:good"));
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.FromFile(ConfigPath, _ => null));
        ConfigReloadWatch reloads = new(lsp.Config);
        byte[] junk = new byte[8192];
        new Random(7).NextBytes(junk);

        await File.WriteAllBytesAsync(ConfigPath, junk);
        ConfigReload binary = await reloads.NextAsync(lsp.Timeout);
        File.Delete(ConfigPath);
        Directory.CreateDirectory(ConfigPath);
        ConfigReload unreadable = await reloads.NextAsync(lsp.Timeout, r => r.Diagnostics.All(d => !d.Message.Contains("UTF-8", StringComparison.Ordinal)));

        Assert.False(binary.Applied);
        Assert.Contains(binary.Diagnostics, d => d.IsError && d.Line >= 1 && d.Message.Contains("not UTF-8", StringComparison.Ordinal));
        Assert.False(unreadable.Applied);
        Assert.Equal("coder:good", lsp.Config.Current.Tiers[Tier.Code].Model);
    }

    [Fact]
    public async Task Starting_on_a_file_with_an_unclosed_bracket_serves_the_built_in_default_and_says_where_after_initialize()
    {
        string broken = UnclosedEscalation("coder:broken");
        await File.WriteAllTextAsync(ConfigPath, broken);

        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.FromFile(ConfigPath, _ => null));
        ShowMessageParams popup = await NextPopupAsync(lsp, 1);
        lsp.Provider.Answer = _ => "1;";
        await lsp.OpenAsync("var x = ");
        await lsp.InlineAsync(0, 8);

        Assert.Contains($"router.yaml:{LineOf(broken, "escalation:")}: error: escalation:", popup.Message, StringComparison.Ordinal);
        Assert.Contains("built-in default", popup.Message, StringComparison.Ordinal);
        Assert.Equal(RouterConfig.Default.Tiers[Tier.Code].Model, Assert.Single(lsp.Provider.Requests).Model);
    }

    private static int LineOf(string text, string part) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(part, StringComparison.Ordinal)).i + 1;

    // Waits until the editor has been shown the count-th popup; window/showMessage arrives after the reload it reports.
    private static async Task<ShowMessageParams> NextPopupAsync(LspHarness lsp, int count)
    {
        while (lsp.ShownMessages.Count < count)
        {
            await Task.Delay(10, lsp.Timeout);
        }

        return lsp.ShownMessages.ElementAt(count - 1);
    }
}

using System.Text.Json;
using Router.Core.Configuration;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;

namespace Router.Lsp.Tests.Configuration;

public sealed class EditorSettingsTests
{
    private static EditorSettings Read(string json) => EditorSettings.Read(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void The_router_section_is_read_as_the_extension_sends_it()
    {
        EditorSettings settings = Read("""{"configFile":null,"privacy":{"localOnly":true},"completion":{"enabled":false},"models":{},"budget":{"dailyUsd":2.5}}""");

        Assert.Equal(new EditorSettings(true, 2.5, false), settings);
    }

    [Theory]
    [InlineData("""{"privacy":{"localOnly":"yes"},"budget":{"dailyUsd":-1},"completion":{"enabled":1}}""")]
    [InlineData("""{"budget":{"dailyUsd":1e400}}""")]
    [InlineData("""{"budget":{"dailyUsd":1000000.01}}""")]
    [InlineData("""{}""")]
    [InlineData("""null""")]
    [InlineData("""[]""")]
    public void Values_of_the_wrong_type_are_ignored_and_change_nothing(string json) =>
        Assert.Equal(EditorSettings.None, Read(json));

    [Fact]
    public void Local_only_and_the_budget_override_router_yaml_and_nothing_else()
    {
        RouterConfig file = TestConfig.With();

        RouterConfig applied = new EditorSettings(true, 0.5, true).ApplyTo(file);

        Assert.Equal(PrivacyMode.LocalOnly, applied.Privacy.Mode);
        Assert.Equal(0.5, applied.Budget.DailyUsd);
        Assert.Same(file.Tiers, applied.Tiers);
        Assert.Same(file, EditorSettings.None.ApplyTo(file));
    }

    [Fact]
    public async Task Completion_turned_off_in_the_editor_asks_no_model_until_it_is_turned_on_again()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);
        await lsp.InitializeAsync(initializationOptions: JsonDocument.Parse("""{"settings":{"completion":{"enabled":false}}}""").RootElement);
        lsp.Provider.Answer = _ => "42;";
        await lsp.OpenAsync("var x = \nvar y = ");

        Assert.Null(await lsp.InlineAsync(0, 8));
        Assert.Empty(lsp.Provider.Requests);

        // A client that doesn't answer workspace/configuration pushes the section with the change.
        await lsp.Client.Connection.SendNotificationAsync(
            LspMethods.DidChangeConfiguration,
            new DidChangeConfigurationParams(JsonDocument.Parse("""{"router":{"completion":{"enabled":true}}}""").RootElement),
            Router.Protocol.LspJsonContext.Default.DidChangeConfigurationParams,
            lsp.Timeout);

        Assert.Equal("42;", await lsp.InlineAsync(1, 8));
    }
}

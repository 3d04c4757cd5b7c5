using System.Text.Json;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;

namespace Router.Lsp.Tests.Configuration;

/// <summary><c>router.configShow</c>: the configuration in force in a running server, each value with where it came from,
/// the editor settings the server received included.</summary>
public sealed class ConfigShowCommandTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("router-lsp-config-show-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private static async Task<Dictionary<string, RouterConfigValue>> ShowAsync(LspHarness lsp)
    {
        JsonElement result = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.ConfigShow), lsp.Timeout);
        RouterConfigShowResult report = result.Deserialize(RouterJsonContext.Default.RouterConfigShowResult)!;
        return report.Values.ToDictionary(v => v.Key);
    }

    [Fact]
    public async Task Each_value_names_the_file_line_the_default_or_the_editor_setting_that_set_it()
    {
        string path = Path.Combine(_workspace, "router.yaml");
        await File.WriteAllTextAsync(path, TestConfig.Yaml() + "\nbudget:\n  dailyUsd: 3\n");
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false, config: RouterConfigSource.FromFile(path, _ => null));
        await lsp.InitializeAsync(initializationOptions: JsonDocument.Parse(
            """{"settings":{"privacy":{"localOnly":true},"completion":{"enabled":true},"models":{"completion":"qwen2.5-coder:1.5b"},"budget":{"dailyUsd":null}}}""").RootElement);

        Dictionary<string, RouterConfigValue> values = await ShowAsync(lsp);

        Assert.Equal(("qwen2.5-coder:14b", "router.yaml:7"), (values["tiers.code.model"].Value, values["tiers.code.model"].Origin));
        Assert.Equal(("3", "router.yaml:10"), (values["budget.dailyUsd"].Value, values["budget.dailyUsd"].Origin));
        Assert.Equal(("quick", "default"), (values["routes.chat"].Value, values["routes.chat"].Origin));
        Assert.Equal(("local-only", "editor setting router.privacy.localOnly"), (values["privacy.mode"].Value, values["privacy.mode"].Origin));
        Assert.Equal(("qwen2.5-coder:1.5b", "editor setting router.models.completion"), (values["models.completion"].Value, values["models.completion"].Origin));
        Assert.Equal(("(as routed)", "default"), (values["models.chat"].Value, values["models.chat"].Origin));
        Assert.Equal(("true", "default"), (values["completion.enabled"].Value, values["completion.enabled"].Origin));

        // Values pass the outward redactor, which must leave a configuration's own globs and addresses readable.
        Assert.Equal("[**/.env, **/.env.*, **/*.pem, **/*.key, **/id_rsa*, **/id_ed25519*, **/credentials*, **/secrets.*]", values["privacy.privatePaths"].Value);
        Assert.Equal("http://127.0.0.1:11434/", values["endpoints.gpu-box.url"].Value);
    }

    [Fact]
    public async Task Settings_changed_in_the_editor_show_at_once_and_a_cleared_one_gives_the_value_back_to_the_file()
    {
        string path = Path.Combine(_workspace, "router.yaml");
        await File.WriteAllTextAsync(path, TestConfig.Yaml() + "\nbudget:\n  dailyUsd: 3\n");
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false, config: RouterConfigSource.FromFile(path, _ => null));
        await lsp.InitializeAsync(initializationOptions: JsonDocument.Parse("""{"settings":{"privacy":{"localOnly":true}}}""").RootElement);

        // A client that doesn't answer workspace/configuration pushes the whole section with each change.
        await lsp.Client.Connection.SendNotificationAsync(
            LspMethods.DidChangeConfiguration,
            new DidChangeConfigurationParams(JsonDocument.Parse("""{"router":{"privacy":{"localOnly":false},"models":{"chat":"llama3.1:8b"},"budget":{"dailyUsd":0.5},"completion":{"enabled":false}}}""").RootElement),
            Router.Protocol.LspJsonContext.Default.DidChangeConfigurationParams,
            lsp.Timeout);
        Dictionary<string, RouterConfigValue> values = await ShowAsync(lsp);

        Assert.Equal(("auto", "default"), (values["privacy.mode"].Value, values["privacy.mode"].Origin));
        Assert.Equal(("0.5", "editor setting router.budget.dailyUsd"), (values["budget.dailyUsd"].Value, values["budget.dailyUsd"].Origin));
        Assert.Equal(("llama3.1:8b", "editor setting router.models.chat"), (values["models.chat"].Value, values["models.chat"].Origin));
        Assert.Equal(("false", "editor setting router.completion.enabled"), (values["completion.enabled"].Value, values["completion.enabled"].Origin));
        Assert.Equal(("qwen2.5-coder:14b", "router.yaml:7"), (values["tiers.code.model"].Value, values["tiers.code.model"].Origin));
    }
}

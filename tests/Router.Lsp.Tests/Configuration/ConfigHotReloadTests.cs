using Router.Backends.Providers;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;

namespace Router.Lsp.Tests.Configuration;

public sealed class ConfigHotReloadTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("router-lsp-config-").FullName;

    private string ConfigPath => Path.Combine(_workspace, "router.yaml");

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public async Task A_saved_edit_to_router_yaml_changes_the_model_of_the_next_completion()
    {
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:before"));
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.FromFile(ConfigPath, _ => null));
        lsp.Provider.Answer = _ => "1;";
        await lsp.OpenAsync("var x = ");
        await lsp.InlineAsync(0, 8);

        TaskCompletionSource<ConfigReload> reloaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lsp.Config.Reloaded += reload => reloaded.TrySetResult(reload);
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:after"));
        Assert.True((await reloaded.Task.WaitAsync(lsp.Timeout)).Applied);
        await lsp.InlineAsync(0, 8);

        Assert.Equal(["coder:before", "coder:after"], lsp.Provider.Requests.Select(r => r.Model));
    }

    [Fact]
    public async Task A_file_emptied_by_a_save_in_progress_keeps_the_last_good_config()
    {
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:good"));
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.FromFile(ConfigPath, _ => null));

        // An editor truncates the file before it writes it again; a reload in between must not apply the built-in default.
        await File.WriteAllTextAsync(ConfigPath, "");
        ConfigReload reload = lsp.Config.Reload();
        lsp.Provider.Answer = _ => "1;";
        await lsp.OpenAsync("var x = ");
        await lsp.InlineAsync(0, 8);

        Assert.False(reload.Applied);
        Assert.Contains(reload.Diagnostics, diagnostic => diagnostic.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Equal("coder:good", Assert.Single(lsp.Provider.Requests).Model);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_config_and_says_where_the_problem_is()
    {
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:good"));
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.FromFile(ConfigPath, _ => null));
        while (lsp.TryTakeLog(out _))
        {
        }

        // An undefined endpoint on line 7 of the edited file.
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:broken").Replace(
            "code: { model: \"coder:broken\", endpoints: [gpu-box]", "code: { model: \"coder:broken\", endpoints: [nowhere]", StringComparison.Ordinal));
        LogMessageParams error = await NextErrorAsync(lsp);
        lsp.Provider.Answer = _ => "1;";
        await lsp.OpenAsync("var x = ");
        await lsp.InlineAsync(0, 8);

        Assert.Contains("router.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(":7", error.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
        Assert.Equal("coder:good", Assert.Single(lsp.Provider.Requests).Model);
    }

    [Fact]
    public async Task A_broken_file_at_start_serves_the_built_in_default_and_tells_the_user_after_initialize()
    {
        await File.WriteAllTextAsync(ConfigPath, "tiers:\n  code: { model: 7b, endpoints: [ghost] }\n");
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.FromFile(ConfigPath, _ => null));
        lsp.Provider.Answer = _ => "1;";
        await lsp.OpenAsync("var x = ");

        LogMessageParams error = await NextErrorAsync(lsp);
        await lsp.InlineAsync(0, 8);

        Assert.Contains("router.yaml:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.Equal(Core.Configuration.RouterConfig.Default.Tiers[Core.Requests.Tier.Code].Model, Assert.Single(lsp.Provider.Requests).Model);
    }

    [Fact]
    public async Task The_workspace_router_yaml_is_used_when_no_file_is_named()
    {
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:workspace", endpoint: "laptop"));
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false, config: RouterConfigSource.FromWorkspace(null, _ => null));
        await lsp.InitializeAsync(rootUri: new Uri(_workspace + "/").AbsoluteUri);
        lsp.Provider.Answer = _ => "1;";
        await lsp.OpenAsync("var x = ");

        await lsp.InlineAsync(0, 8);

        ModelRequest request = Assert.Single(lsp.Provider.Requests);
        Assert.Equal("coder:workspace", request.Model);
        Assert.Equal("laptop", Assert.Single(lsp.Providers.EndpointsAsked));
    }

    [Fact]
    public async Task DidChangeConfiguration_rereads_the_file()
    {
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:one"));
        RouterConfigSource config = RouterConfigSource.FromFile(ConfigPath, _ => null);
        await using LspHarness lsp = await LspHarness.StartAsync(config: config);
        config.Dispose(); // no file watching: only the notification can pick up the edit
        await File.WriteAllTextAsync(ConfigPath, TestConfig.Yaml(codeModel: "coder:two"));
        TaskCompletionSource<ConfigReload> reloaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        config.Reloaded += reload => reloaded.TrySetResult(reload);

        await lsp.Client.Connection.SendNotificationAsync(
            LspMethods.DidChangeConfiguration, new DidChangeConfigurationParams(), Protocol.LspJsonContext.Default.DidChangeConfigurationParams, lsp.Timeout);
        await reloaded.Task.WaitAsync(lsp.Timeout);

        Assert.Equal("coder:two", config.Current.Tiers[Core.Requests.Tier.Code].Model);
    }

    private static async Task<LogMessageParams> NextErrorAsync(LspHarness lsp)
    {
        while (true)
        {
            LogMessageParams message = await lsp.NextLogAsync();
            if (message.Type == MessageType.Error && message.Message.Contains(".yaml:", StringComparison.Ordinal))
            {
                return message;
            }
        }
    }
}

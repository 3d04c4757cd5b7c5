using System.Net;
using System.Text.Json;

namespace Router.Gateway.Tests;

/// <summary>A real model name (no tier's model) goes to whichever host lists it, with health, fallback and the privacy gate.</summary>
public sealed class PassThroughTests
{
    private const string Private = "Why does the deploy fail? aws_access_key_id = AKIAQWERTYUIOPASDFGH";
    private const string Shared = "Summarise the trade-offs of event sourcing.";

    // On both laptop and gpu, and no tier of the gateway's configuration names it.
    private const string OnBothHosts = "granite3.2-vision:2b";

    public static TheoryData<string> AllShapes() => [.. Shapes.All];

    [Theory]
    [MemberData(nameof(AllShapes))]
    public async Task A_model_only_the_second_host_has_is_answered_there_and_the_first_is_never_asked(string shape)
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        foreach (bool stream in (bool[])[false, true])
        {
            using HttpResponseMessage response = await hosts.PostAsync(Shapes.PathOf(shape), Shapes.Body(shape, GatewayHosts.GpuOnlyModel, Shared, stream));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gpu", OpenAiRouteTests.Header(response, "x-router-endpoint"));
            Assert.Equal(GatewayHosts.GpuOnlyModel, OpenAiRouteTests.Header(response, "x-router-model"));
            Assert.Contains($"model {GatewayHosts.GpuOnlyModel} on gpu", OpenAiRouteTests.Header(response, "x-router-reasons"), StringComparison.Ordinal);
            Assert.Contains(GatewayHosts.GpuOnlyModel, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(GatewayHosts.Generations(hosts.Laptop));
        Assert.Empty(GatewayHosts.Generations(hosts.Cloud));
        Assert.Equal(2, GatewayHosts.Generations(hosts.Gpu).Count(r => r.Model == GatewayHosts.GpuOnlyModel));
    }

    [Fact]
    public async Task When_the_first_host_with_the_model_is_down_the_next_host_with_it_answers()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();
        await ListModelsAsync(hosts);
        await hosts.Laptop.StopListeningAsync(GatewayHosts.Deadline());

        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", Shapes.Body("openai-chat", OnBothHosts, Shared, stream: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gpu", OpenAiRouteTests.Header(response, "x-router-endpoint"));
        Assert.Equal(OnBothHosts, OpenAiRouteTests.Header(response, "x-router-model"));
        Assert.Contains($"model {OnBothHosts} on laptop (also on gpu)", OpenAiRouteTests.Header(response, "x-router-reasons"), StringComparison.Ordinal);
        Assert.Single(GatewayHosts.Generations(hosts.Gpu));
        Assert.Empty(GatewayHosts.Generations(hosts.Cloud));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task When_every_host_with_the_model_is_down_it_is_503_with_the_attempts_not_404(bool stream)
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();
        await ListModelsAsync(hosts);
        await hosts.Gpu.StopListeningAsync(GatewayHosts.Deadline());

        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", Shapes.Body("openai-chat", GatewayHosts.GpuOnlyModel, Shared, stream));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal("no_host_available", OpenAiRouteTests.ErrorCode(body));
        Assert.Contains("gpu", body, StringComparison.Ordinal);
        Assert.Empty(GatewayHosts.Generations(hosts.Laptop));
    }

    [Theory]
    [InlineData("openai-chat")]
    [InlineData("openai-completions")]
    [InlineData("anthropic-messages")]
    [InlineData("ollama-chat")]
    [InlineData("ollama-generate")]
    public async Task A_model_no_host_has_is_404_in_each_apis_own_shape(string shape)
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        foreach (bool stream in (bool[])[false, true])
        {
            using HttpResponseMessage response = await hosts.PostAsync(Shapes.PathOf(shape), Shapes.Body(shape, "llama9:400b", Shared, stream));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            JsonElement body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            switch (shape)
            {
                case "openai-chat" or "openai-completions":
                    Assert.Equal("model_not_found", body.GetProperty("error").GetProperty("code").GetString());
                    break;
                case "anthropic-messages":
                    Assert.Equal("error", body.GetProperty("type").GetString());
                    Assert.Equal("not_found_error", body.GetProperty("error").GetProperty("type").GetString());
                    break;
                default:
                    Assert.StartsWith("model \"llama9:400b\" not found", body.GetProperty("error").GetString(), StringComparison.Ordinal);
                    break;
            }
        }

        Assert.Empty(GatewayHosts.Generations(hosts.Laptop));
        Assert.Empty(GatewayHosts.Generations(hosts.Gpu));
    }

    [Theory]
    [MemberData(nameof(AllShapes))]
    public async Task A_private_prompt_for_a_model_only_the_cloud_serves_is_refused_and_the_cloud_never_sees_it(string shape)
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        foreach (bool stream in (bool[])[false, true])
        {
            using HttpResponseMessage response = await hosts.PostAsync(Shapes.PathOf(shape), Shapes.Body(shape, GatewayHosts.CloudOnlyModel, Private, stream));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            string body = await response.Content.ReadAsStringAsync();
            Assert.Contains("This request is private", body, StringComparison.Ordinal);
            Assert.Contains("kept off the cloud on purpose", body, StringComparison.Ordinal);
            Assert.DoesNotContain("AKIAQWERTYUIOPASDFGH", body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(hosts.Cloud.Requests, r => r.Model == GatewayHosts.CloudOnlyModel);
        Assert.Empty(GatewayHosts.Generations(hosts.Cloud));
        Assert.Empty(GatewayHosts.Generations(hosts.Laptop));
        Assert.Empty(GatewayHosts.Generations(hosts.Gpu));
    }

    [Fact]
    public async Task The_same_model_without_the_secret_is_answered_by_the_cloud()
    {
        // The control for the test above.
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync("/v1/messages", Shapes.Body("anthropic-messages", GatewayHosts.CloudOnlyModel, Shared, stream: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", OpenAiRouteTests.Header(response, "x-router-endpoint"));
        Assert.Equal(GatewayHosts.CloudOnlyModel, Assert.Single(GatewayHosts.Generations(hosts.Cloud)).Model);
        Assert.Empty(GatewayHosts.Generations(hosts.Laptop));
        Assert.Empty(GatewayHosts.Generations(hosts.Gpu));
    }

    [Fact]
    public async Task The_ollama_listing_names_each_hosts_model_once_and_show_knows_them()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        JsonElement tags = JsonDocument.Parse(await hosts.Http.GetStringAsync("/api/tags", GatewayHosts.Deadline())).RootElement;
        string[] names = [.. tags.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!)];
        using HttpResponseMessage show = await hosts.PostAsync("/api/show", JsonSerializer.Serialize(new { model = GatewayHosts.GpuOnlyModel }));
        using HttpResponseMessage one = await hosts.Http.GetAsync("/v1/models/" + OnBothHosts, GatewayHosts.Deadline());

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("router/auto", names);
        Assert.Contains(GatewayHosts.GpuOnlyModel, names);
        Assert.Contains(OnBothHosts, names);
        Assert.DoesNotContain(GatewayHosts.CloudOnlyModel, names);
        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }

    /// <summary>Lists the models, so the gateway's inventory has every local host's list before a host goes down.</summary>
    private static async Task ListModelsAsync(GatewayHosts hosts)
    {
        using HttpResponseMessage models = await hosts.Http.GetAsync("/v1/models", GatewayHosts.Deadline());
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
    }
}

using System.Net;

namespace Router.Gateway.Tests;

/// <summary>A private request never reaches a cloud endpoint, whatever model the client names and whichever API it speaks.</summary>
public sealed class PrivacyTests
{
    private const string Private = "Why does the deploy fail? aws_access_key_id = AKIAQWERTYUIOPASDFGH";
    private const string Shared = "Summarise the trade-offs of event sourcing.";

    public static TheoryData<string, string> ShapesAndModels()
    {
        TheoryData<string, string> data = [];
        foreach (string shape in Shapes.All)
        {
            foreach (string model in (string[])["router/auto", "router/frontier", GatewayHosts.FrontierModel])
            {
                data.Add(shape, model);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesAndModels))]
    public async Task A_private_request_is_answered_locally_and_the_cloud_host_sees_nothing(string shape, string model)
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        foreach (bool stream in (bool[])[false, true])
        {
            using HttpResponseMessage response = await hosts.PostAsync(Shapes.PathOf(shape), Shapes.Body(shape, model, Private, stream));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual("cloud", OpenAiRouteTests.Header(response, "x-router-endpoint"));
            Assert.Contains("private", OpenAiRouteTests.Header(response, "x-router-reasons"), StringComparison.Ordinal);
        }

        Assert.Empty(GatewayHosts.Generations(hosts.Cloud));
        Assert.Equal(2, GatewayHosts.Generations(hosts.Laptop).Count + GatewayHosts.Generations(hosts.Gpu).Count);
    }

    [Theory]
    [InlineData("openai-chat")]
    [InlineData("anthropic-messages")]
    [InlineData("ollama-chat")]
    [InlineData("ollama-generate")]
    public async Task The_same_request_without_the_secret_does_reach_the_cloud_tier(string shape)
    {
        // The control for the test above: router/frontier does go to the cloud host when nothing is private.
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync(Shapes.PathOf(shape), Shapes.Body(shape, "router/frontier", Shared, stream: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", OpenAiRouteTests.Header(response, "x-router-endpoint"));
        Assert.Single(GatewayHosts.Generations(hosts.Cloud));
    }
}

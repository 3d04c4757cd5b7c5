using Microsoft.Extensions.AI;
using Router.Core.Policy;
using Router.Runtime.Chat;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;

namespace Router.Runtime.Tests.Chat;

/// <summary>A model name that is no tier's model is routed by what the hosts' model lists say (the runtime's inventory),
/// which the runtime hands the pure policy as data.</summary>
public sealed class PassThroughRoutingTests
{
    private const string Untiered = RoutedHosts.UntieredModel;

    [Fact]
    public async Task The_hosts_whose_last_list_names_the_model_are_listed_and_stay_listed_while_down_behind_healthy_ones()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();
        RouterRuntime runtime = hosts.Runtime;
        await runtime.Inventory!.ProbeAsync(hosts.Config.Endpoints["laptop"], RoutedHosts.Deadline());
        await runtime.Inventory.ProbeAsync(hosts.Config.Endpoints["gpu"], RoutedHosts.Deadline());

        ModelHosts before = runtime.HostsOf(Untiered, hosts.Config)!;
        ModelHosts missing = runtime.HostsOf("nowhere:1b", hosts.Config)!;
        await hosts.Laptop.StopListeningAsync(RoutedHosts.Deadline());
        await runtime.Inventory.ProbeAsync(hosts.Config.Endpoints["laptop"], RoutedHosts.Deadline());
        runtime.Health.ReportFailure("laptop", EndpointFailureKind.Unreachable, "connection refused");
        ModelHosts after = runtime.HostsOf(Untiered, hosts.Config)!;

        Assert.Equal(["laptop", "gpu"], before.Listing);
        Assert.Equal(["down", "cloud"], before.Unknown);
        Assert.Empty(missing.Listing);
        Assert.Equal(["gpu", "laptop"], after.Listing);
    }

    [Fact]
    public async Task A_named_model_another_tiers_host_has_is_answered_there_when_the_routed_tiers_host_lacks_it()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();
        ChatOptions options = new() { AdditionalProperties = new() { [RoutingChatKeys.RequestedModel] = "qwen2.5-coder:7b" } };

        // No local host has qwen2.5-coder:7b: each is asked for its list and sent nothing; the cloud, whose list is never
        // probed, is asked and says it does not serve the model.
        DispatchFailedException none = await Assert.ThrowsAsync<DispatchFailedException>(
            () => hosts.Client.GetResponseAsync("What is the capital of France?", options, RoutedHosts.Deadline()));
        Assert.Equal(
            [DispatchAttemptCause.ModelMissing, DispatchAttemptCause.ModelMissing, DispatchAttemptCause.Other, DispatchAttemptCause.ModelMissing],
            none.Attempts.Select(a => a.Cause));
        Assert.Equal(["laptop", "gpu", "down", "cloud"], none.Attempts.Select(a => a.Endpoint));
        hosts.Cloud.ClearRequests();
        options.AdditionalProperties[RoutingChatKeys.RequestedModel] = Untiered;
        await hosts.Laptop.StopListeningAsync(RoutedHosts.Deadline());
        ChatResponse answer = await hosts.Client.GetResponseAsync("What is the capital of France?", options, RoutedHosts.Deadline());

        Assert.Equal(Untiered, answer.ModelId);
        Assert.Equal("gpu", answer.AdditionalProperties?[RoutingChatKeys.Endpoint]);
        RouteDecision decision = Assert.IsType<RoutedAnswer>(answer.RawRepresentation).Decision;
        Assert.Contains($"model {Untiered} on laptop (also on gpu)", decision.Reasons);
        Assert.DoesNotContain(hosts.Laptop.Requests, r => r.Endpoint is "/api/chat" or "/api/generate");
        Assert.DoesNotContain(hosts.Cloud.Requests, r => r.Endpoint == "/v1/messages");
    }
}

using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;
using static Router.Core.Tests.Policy.Requests;

namespace Router.Core.Tests.Policy;

/// <summary>A chat with images attached: the vision tier takes it, and since no scan can read an image it stays on local
/// hosts unless <c>privacy.imagesToCloud</c> says otherwise.</summary>
public sealed class ImageRouteTests
{
    // The vision tier prefers a cloud endpoint, then the local GPU box.
    private static readonly string VisionInCloudFirst = ConfigYaml.EvalWith(
        "  vision:\n    model: granite3.2-vision:2b\n    endpoints: [gpu-box]",
        "  vision:\n    model: granite3.2-vision:2b\n    endpoints: [claude, gpu-box]");

    [Fact]
    public void A_chat_with_an_image_goes_to_the_vision_tier_and_says_why()
    {
        RouteDecision decision = new RoutePolicy(ConfigYaml.LoadGood(ConfigYaml.Eval)).Decide(Chat("What is in this picture?") with { ImageCount = 1 });

        Assert.Equal((Tier.Vision, "granite3.2-vision:2b"), (decision.Tier, decision.Model));
        Assert.Contains("image signal: 1 image attached", decision.Reasons);
    }

    [Fact]
    public void An_image_never_goes_to_a_cloud_endpoint_by_default()
    {
        RoutePolicy policy = new(ConfigYaml.LoadGood(VisionInCloudFirst));

        RouteDecision withImage = policy.Decide(Chat("What is in this picture?") with { ImageCount = 2 });
        RouteDecision withoutImage = policy.Decide(Chat("What is in this picture?") with { RequestedTier = Tier.Vision });

        Assert.True(withImage.LocalOnly);
        Assert.Equal((Tier.Vision, "gpu-box"), (withImage.Tier, withImage.Endpoint));
        Assert.DoesNotContain(withImage.FallbackChain, step => step.Endpoint == "claude");
        Assert.DoesNotContain(Tier.Frontier, withImage.EscalationPath);
        Assert.Contains("private: 2 images attached, which no scan can read (privacy.imagesToCloud is off)", withImage.Reasons);
        Assert.Equal("image", withImage.PrivateBecause?.Detector);

        // The same text without an image may use the cloud endpoint first.
        Assert.False(withoutImage.LocalOnly);
        Assert.Equal("claude", withoutImage.Endpoint);
    }

    [Fact]
    public void A_client_naming_the_frontier_tier_for_an_image_is_set_aside_and_kept_local()
    {
        RouteDecision decision = new RoutePolicy(ConfigYaml.LoadGood(VisionInCloudFirst))
            .Decide(Chat("Describe this diagram.") with { ImageCount = 1, RequestedTier = Tier.Frontier });

        Assert.True(decision.LocalOnly);
        Assert.NotEqual("claude", decision.Endpoint);
        Assert.Contains(decision.Reasons, r => r.StartsWith("tier frontier requested, set aside: the request is private", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_naming_a_tier_keeps_it_for_an_image()
    {
        RouteDecision decision = new RoutePolicy(ConfigYaml.LoadGood(ConfigYaml.Eval))
            .Decide(Chat("Describe this diagram.") with { ImageCount = 1, RequestedTier = Tier.Heavy });

        Assert.Equal(Tier.Heavy, decision.Tier);
        Assert.Contains("tier heavy requested", decision.Reasons);
    }

    [Fact]
    public void With_imagesToCloud_on_an_image_may_use_the_cloud_and_the_reasons_say_it_went_unscanned()
    {
        string yaml = VisionInCloudFirst.Replace("  mode: auto", "  mode: auto\n  imagesToCloud: true", StringComparison.Ordinal);

        RouteDecision decision = new RoutePolicy(ConfigYaml.LoadGood(yaml)).Decide(Chat("What is in this picture?") with { ImageCount = 1 });

        Assert.False(decision.LocalOnly);
        Assert.Equal("claude", decision.Endpoint);
        Assert.Contains("1 image may go to the cloud unscanned (privacy.imagesToCloud is on)", decision.Reasons);
    }

    [Fact]
    public void A_secret_in_the_text_still_names_itself_as_the_reason_when_an_image_is_attached()
    {
        RouteDecision decision = new RoutePolicy(ConfigYaml.LoadGood(VisionInCloudFirst))
            .Decide(Chat("why does this fail? key AKIAQWERTYUIOPASDFGH") with { ImageCount = 1 });

        Assert.True(decision.LocalOnly);
        Assert.NotEqual("image", decision.PrivateBecause?.Detector);
    }
}

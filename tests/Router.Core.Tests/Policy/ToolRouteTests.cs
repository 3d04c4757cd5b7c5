using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;
using static Router.Core.Tests.Policy.Requests;

namespace Router.Core.Tests.Policy;

/// <summary>Tool definitions, calls and results sent with a chat: scanned and counted as text the model gets, but no signal
/// of what the user asks about.</summary>
public sealed class ToolRouteTests
{
    private const string Tools = """
        get_weather: The weather in a city {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}
        get_weather {"city":"Paris"}
        {"temperature": 18, "sky": "sunny"}
        """;

    private static RoutePolicy Policy() => new(ConfigYaml.LoadGood(ConfigYaml.Eval));

    [Fact]
    public void A_secret_in_a_tool_result_makes_the_request_private_and_names_the_tools()
    {
        RouteDecision decision = Policy().Decide(Chat("What is the weather in Paris?") with { ToolText = Tools + "\naws_access_key_id = AKIAQWERTYUIOPASDFGH" });

        Assert.True(decision.LocalOnly);
        Assert.Equal("tools", decision.PrivateBecause?.Field);
        Assert.Contains(decision.Reasons, r => r.StartsWith("private: ", StringComparison.Ordinal) && r.EndsWith(" in tools", StringComparison.Ordinal));
    }

    [Fact]
    public void Tool_json_is_counted_but_routes_nothing_by_itself()
    {
        RouteDecision plain = Policy().Decide(Chat("What is the weather in Paris?"));
        RouteDecision withTools = Policy().Decide(Chat("What is the weather in Paris?") with { ToolText = Tools });

        Assert.Equal(plain.Tier, withTools.Tier);
        Assert.False(withTools.LocalOnly);
        Assert.True(withTools.EstimatedPromptTokens > plain.EstimatedPromptTokens);
    }
}

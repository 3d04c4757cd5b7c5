using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;
using Router.Core.Tokens;
using static Router.Core.Tests.Policy.Requests;

namespace Router.Core.Tests.Policy;

public sealed class RoutePolicyTests
{
    private static readonly RoutePolicy Eval = new(ConfigYaml.LoadGood(ConfigYaml.Eval));
    private static readonly RoutePolicy Default = new(RouterConfig.Default);

    [Fact]
    public void Completion_goes_to_code()
    {
        RouteDecision decision = Eval.Decide(Completion("def area(r):\n    return "));

        Assert.Equal(Tier.Code, decision.Tier);
        Assert.Equal("qwen2.5-coder:14b", decision.Model);
        Assert.Equal("gpu-box", decision.Endpoint);
        Assert.Equal("kind completion", decision.Reasons[0]);
    }

    [Fact]
    public void Explain_goes_to_quick_on_the_tiers_first_endpoint()
    {
        RouteDecision decision = Eval.Decide(Explain("for k, v in sorted(d.items()):\n    print(k, v)"));

        Assert.Equal(Tier.Quick, decision.Tier);
        Assert.Equal("laptop", decision.Endpoint);
    }

    [Fact]
    public void Small_refactor_goes_to_heavy()
    {
        RouteDecision decision = Eval.Decide(Refactor("Use a dict comprehension.\n\nresult = {}\nfor k in keys:\n    result[k] = f(k)"));

        Assert.Equal(Tier.Heavy, decision.Tier);
    }

    [Theory]
    [InlineData("good morning!", Tier.Quick)]
    [InlineData("What is the capital of Australia?", Tier.Quick)]
    [InlineData("Rewrite this sentence so it sounds friendlier: we need the numbers by Monday.", Tier.Quick)]
    [InlineData("Write a Go function that reverses a slice of strings in place.", Tier.Code)]
    [InlineData("Why does this loop never end?\n\nwhile (i < n) {\n  total += i;\n}", Tier.Code)]
    [InlineData("Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    run()\nKeyError: 'user'", Tier.Code)]
    [InlineData("Prove that the sum of two odd numbers is even.", Tier.Reasoning)]
    [InlineData("Three coins are tossed. What is the probability of getting at least two heads?", Tier.Reasoning)]
    [InlineData("What's the time complexity of merge sort and why?", Tier.Reasoning)]
    [InlineData("Design a notification system that sends email, SMS and push to 5 million users with retries and per-user preferences.", Tier.Heavy)]
    [InlineData("Across the whole codebase, which modules would need to change if we swapped the ORM?", Tier.Heavy)]
    [InlineData("What does the error in this screenshot mean?", Tier.Vision)]
    public void Chat_is_routed_by_its_content(string text, Tier expected)
    {
        RouteDecision decision = Eval.Decide(Chat(text));

        Assert.Equal(expected, decision.Tier);
    }

    [Fact]
    public void Chat_with_an_attached_image_goes_to_vision()
    {
        RouteDecision decision = Eval.Decide(Chat("Which of these two layouts reads better?") with { Files = ["mockups/layout-a.png"] });

        Assert.Equal(Tier.Vision, decision.Tier);
        Assert.Contains(decision.Reasons, r => r.StartsWith("image signal:", StringComparison.Ordinal));
    }

    [Fact]
    public void Naming_a_language_in_a_trivia_question_is_not_a_code_request()
    {
        RouteDecision decision = Eval.Decide(Chat("Is Rust older than Kotlin?"));

        Assert.Equal(Tier.Quick, decision.Tier);
    }

    [Fact]
    public void Reasons_name_the_kind_and_the_signal_that_decided()
    {
        RouteDecision decision = Eval.Decide(Chat("it crashes:\n\nException in thread \"main\" java.lang.NullPointerException\n\tat com.shop.Cart.total(Cart.java:42)"));

        Assert.Equal(Tier.Code, decision.Tier);
        Assert.Equal("kind chat", decision.Reasons[0]);
        Assert.Contains(decision.Reasons, r => r.StartsWith("code signal: stack trace", StringComparison.Ordinal));
    }

    public static TheoryData<HistoryTurn[], Tier, string> ContinuityCases => new()
    {
        { [Turn(Tier.Code, 3), Turn(Tier.Code, 2), Turn(Tier.Quick, 1)], Tier.Code, "exactly 2 of the last 3 on code" },
        { [Turn(Tier.Code, 3), Turn(Tier.Quick, 2), Turn(Tier.Quick, 1)], Tier.Quick, "only 1 of 3 on code" },
        { [Turn(Tier.Code, 11), Turn(Tier.Code, 2), Turn(Tier.Quick, 1)], Tier.Quick, "one code turn is older than 10 minutes" },
        { [Turn(Tier.Code, 10), Turn(Tier.Code, 9)], Tier.Code, "exactly 10 minutes old still counts" },
        { [Turn(Tier.Code, 6), Turn(Tier.Code, 5), Turn(Tier.Quick, 3), Turn(Tier.Quick, 2), Turn(Tier.Code, 1)], Tier.Quick, "the code turns are outside the window of 3" },
        { [], Tier.Quick, "no history" },
    };

    [Theory]
    [MemberData(nameof(ContinuityCases))]
    public void Follow_up_without_signal_stays_on_code_only_when_recent_turns_were_on_code(HistoryTurn[] history, Tier expected, string because)
    {
        RouteDecision decision = Eval.Decide(Chat("and why is that?", history));

        Assert.True(expected == decision.Tier, $"{because}: got {decision.Tier}");
    }

    [Fact]
    public void Continuity_reason_says_how_many_turns_were_on_code()
    {
        RouteDecision decision = Eval.Decide(Chat("why?", Turn(Tier.Code, 3), Turn(Tier.Code, 2), Turn(Tier.Quick, 1)));

        Assert.Contains("continuity: 2 of last 3 on code", decision.Reasons);
    }

    [Fact]
    public void Follow_up_with_a_signal_of_its_own_goes_by_its_content()
    {
        RouteDecision decision = Eval.Decide(Chat("Prove that it always terminates for positive integers.", Turn(Tier.Code, 2), Turn(Tier.Code, 1)));

        Assert.Equal(Tier.Reasoning, decision.Tier);
    }

    [Fact]
    public void History_without_recorded_tiers_is_judged_by_its_text()
    {
        HistoryTurn write = new(RequestKind.Chat, "Write a Python function that parses ISO dates.", null, 3);
        HistoryTurn fix = new(RequestKind.Chat, "It throws ValueError: Invalid isoformat string: '2024-13-01'", null, 1);

        RouteDecision decision = Eval.Decide(Chat("hmm, why?", write, fix));

        Assert.Equal(Tier.Code, decision.Tier);
    }

    [Theory]
    [InlineData(9000, Tier.Code)]
    [InlineData(20000, Tier.Heavy)]
    [InlineData(40000, Tier.Frontier)]
    public void Oversized_request_moves_up_to_the_first_tier_whose_context_fits(int tokens, Tier expected)
    {
        RouteDecision decision = Eval.Decide(Explain(CodeOfTokens(tokens)));

        Assert.Equal(expected, decision.Tier);
        Assert.Contains(decision.Reasons, r => r.StartsWith("context: ", StringComparison.Ordinal));
        Assert.True(decision.EstimatedPromptTokens >= tokens);
    }

    [Fact]
    public void Private_oversized_request_never_moves_to_frontier()
    {
        RouteRequest request = Explain(CodeOfTokens(40000)) with { File = "deploy/.env" };

        RouteDecision decision = Eval.Decide(request);

        Assert.Equal(Tier.Heavy, decision.Tier);
        Assert.True(decision.LocalOnly);
    }

    [Fact]
    public void Oversized_completion_is_trimmed_and_stays_on_code()
    {
        RouteDecision decision = Eval.Decide(Completion(CodeOfTokens(30000)));

        Assert.Equal(Tier.Code, decision.Tier);
        Assert.Equal(16384 - 1024, decision.EstimatedPromptTokens);
        Assert.Contains(decision.Reasons, r => r.Contains("trimmed", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_counts_what_would_be_sent()
    {
        string text = "Why does this return an empty list?";
        string earlier = "Write a function that filters even numbers from a list.";

        RouteDecision decision = Eval.Decide(Chat(text, Turn(Tier.Code, 1, earlier)));

        Assert.Equal(TokenCounter.Default.Count(text) + TokenCounter.Default.Count(earlier), decision.EstimatedPromptTokens);
    }

    public static TheoryData<string, RouteRequest> WideRefactors => new()
    {
        { "several files", Refactor("Rename Customer to Client everywhere.\n\nclass Customer:\n    pass", "src/billing.py", "src/api.py") },
        { "over 300 lines", Refactor(CodeOfLines(301)) },
        { "about 6000 tokens", Refactor(WideLinesOfTokens(6000)) },
        { "architecture wording", Refactor("Restructure this into a layered architecture with a separate data access layer.\n\ndef handler(req):\n    return db.query(req.args)") },
        { "split into microservices", Refactor("Split this monolith into microservices for orders and payments.\n\napp = Flask(__name__)") },
    };

    [Theory]
    [MemberData(nameof(WideRefactors))]
    public void Wide_refactor_goes_to_frontier_when_configured(string because, RouteRequest request)
    {
        RouteDecision decision = Eval.Decide(request);

        Assert.True(decision.Tier == Tier.Frontier, $"{because}: got {decision.Tier} ({string.Join("; ", decision.Reasons)})");
        Assert.Equal("claude", decision.Endpoint);
        Assert.Contains(decision.Reasons, r => r.StartsWith("wide refactor: ", StringComparison.Ordinal));
    }

    public static TheoryData<string, RouteRequest> NarrowRefactors => new()
    {
        { "one other file", Refactor("Move this helper next to its caller.\n\ndef helper():\n    pass", "src/caller.py") },
        { "exactly 300 lines", Refactor(CodeOfLines(300)) },
        { "architecture word only in a code comment", Refactor("def load():\n    # keeps the layered cache warm\n    return cache.get()") },
        { "ordinary restructuring", Refactor("Extract the validation into its own function.\n\ndef save(order):\n    if not order.items:\n        raise ValueError()\n    db.save(order)") },
    };

    [Theory]
    [MemberData(nameof(NarrowRefactors))]
    public void Narrow_refactor_stays_on_heavy(string because, RouteRequest request)
    {
        RouteDecision decision = Eval.Decide(request);

        Assert.True(decision.Tier == Tier.Heavy, $"{because}: got {decision.Tier} ({string.Join("; ", decision.Reasons)})");
    }

    [Fact]
    public void Wide_refactor_goes_to_heavy_when_frontier_is_not_configured()
    {
        RouteDecision decision = Default.Decide(Refactor(CodeOfLines(400)));

        Assert.Equal(Tier.Heavy, decision.Tier);
        Assert.Contains(decision.Reasons, r => r.Contains("not configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Private_wide_refactor_goes_to_heavy_and_never_to_cloud()
    {
        RouteRequest request = Refactor("Thread the config through every module.\n\nDB_PASSWORD = \"hT9#kq2Lm0vXz81pQ\"\n", "src/a.py", "src/b.py", "src/c.py");

        RouteDecision decision = Eval.Decide(request);

        Assert.Equal(Tier.Heavy, decision.Tier);
        Assert.True(decision.LocalOnly);
        Assert.DoesNotContain(decision.FallbackChain, s => s.Tier == Tier.Frontier || s.Endpoint == "claude");
        Assert.DoesNotContain(Tier.Frontier, decision.EscalationPath);
    }

    [Fact]
    public void Wide_refactor_over_the_daily_budget_goes_to_heavy()
    {
        RouteDecision decision = Eval.Decide(Refactor(CodeOfLines(400)), spentTodayUsd: 4.999);

        Assert.Equal(Tier.Heavy, decision.Tier);
        Assert.Contains(decision.Reasons, r => r.Contains("over budget", StringComparison.Ordinal));
    }

    private static readonly RoutePolicy ChatOnFrontier = new(ConfigYaml.LoadGood(ConfigYaml.EvalWith("  refactorWide: frontier", "  refactorWide: frontier\n  chat: frontier")));

    [Fact]
    public void Frontier_route_within_the_daily_budget_stays_on_frontier()
    {
        RouteDecision decision = ChatOnFrontier.Decide(Chat("hi"), spentTodayUsd: 1.00);

        Assert.Equal(Tier.Frontier, decision.Tier);
    }

    [Fact]
    public void Spent_out_budget_turns_frontier_into_heavy_with_a_reason_the_user_can_read()
    {
        RouteDecision decision = ChatOnFrontier.Decide(Chat("hi"), spentTodayUsd: 5.00);

        Assert.Equal(Tier.Heavy, decision.Tier);
        Assert.Equal("gpu-box", decision.Endpoint);
        string reason = Assert.Single(decision.Reasons, r => r.StartsWith("no frontier", StringComparison.Ordinal));
        Assert.Matches(@"^no frontier \(over budget: \$5\.00 spent today \+ about \$0\.0\d for this request is past the \$5\.00 a day\): heavy$", reason);
    }

    [Fact]
    public void Spent_out_budget_keeps_frontier_out_of_escalation_and_context_moves()
    {
        RouteDecision decision = Eval.Decide(Explain(CodeOfTokens(40000)), spentTodayUsd: 4.90);

        Assert.NotEqual(Tier.Frontier, decision.Tier);
        Assert.DoesNotContain(Tier.Frontier, decision.EscalationPath);
    }

    [Fact]
    public void Secret_in_text_makes_the_request_private_without_repeating_the_secret()
    {
        const string key = "AKIAQWERTYUIOPASDFGH";
        RouteDecision decision = Eval.Decide(Chat($"why is this failing?\n\naws_access_key_id = {key}\n"));

        Assert.True(decision.LocalOnly);
        Assert.Contains(decision.Reasons, r => r.StartsWith("private: ", StringComparison.Ordinal));
        Assert.DoesNotContain(decision.Reasons, r => r.Contains(key, StringComparison.Ordinal));
        Assert.Equal("aws-access-key", decision.PrivateBecause?.Detector);
        Assert.DoesNotContain(key, decision.PrivateBecause!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_in_history_makes_the_request_private()
    {
        HistoryTurn earlier = Turn(Tier.Code, 2, "my token is ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5 and git push fails");

        RouteDecision decision = Eval.Decide(Chat("what now?", earlier));

        Assert.True(decision.LocalOnly);
    }

    [Fact]
    public void Private_file_path_makes_the_request_private()
    {
        RouteDecision decision = Eval.Decide(Explain("DEBUG=true") with { File = "config/.env" });

        Assert.True(decision.LocalOnly);
    }

    [Fact]
    public void Ordinary_request_is_not_private()
    {
        RouteDecision decision = Eval.Decide(Chat("How do I read a file line by line in C#?"));

        Assert.False(decision.LocalOnly);
        Assert.Null(decision.PrivateBecause);
    }

    [Fact]
    public void Local_only_workspace_makes_every_request_private()
    {
        RoutePolicy policy = new(ConfigYaml.LoadGood(ConfigYaml.EvalWith("  mode: auto", "  mode: local-only")));

        RouteDecision decision = policy.Decide(Refactor(CodeOfLines(400)));

        Assert.True(decision.LocalOnly);
        Assert.Equal(Tier.Heavy, decision.Tier);
        Assert.Contains("private: workspace is local-only", decision.Reasons);
        Assert.Equal("local-only-workspace", decision.PrivateBecause?.Detector);
    }

    [Fact]
    public void Decision_lists_the_fallback_chain_and_escalation_path()
    {
        RouteDecision decision = Eval.Decide(Chat("Design a multi-region job scheduler with exactly-once execution."));

        Assert.Equal(Tier.Heavy, decision.Tier);
        Assert.Equal([new FallbackStep(Tier.Code, "qwen2.5-coder:14b", "gpu-box"), new FallbackStep(Tier.Quick, "qwen2.5:3b", "laptop")],
            decision.FallbackChain);
        Assert.Equal([Tier.Frontier], decision.EscalationPath);
    }

    [Fact]
    public void Other_endpoints_of_the_same_tier_come_first_in_the_fallback_chain()
    {
        RoutePolicy policy = new(ConfigYaml.LoadGood(ConfigYaml.EvalWith("    endpoints: [laptop]", "    endpoints: [laptop, gpu-box]")));

        RouteDecision decision = policy.Decide(Chat("hi"));

        Assert.Equal(new FallbackStep(Tier.Quick, "qwen2.5:3b", "gpu-box"), decision.FallbackChain[0]);
        Assert.Equal([Tier.Code, Tier.Heavy, Tier.Frontier], decision.EscalationPath);
    }

    [Fact]
    public void Completion_is_never_escalated()
    {
        RouteDecision decision = Eval.Decide(Completion("fn main() {\n    "));

        Assert.Empty(decision.EscalationPath);
    }

    [Fact]
    public void Private_request_on_a_tier_served_only_from_the_cloud_moves_to_a_local_tier()
    {
        string yaml = ConfigYaml.EvalWith("  heavy:\n    model: qwen2.5-coder:32b\n    endpoints: [gpu-box]", "  heavy:\n    model: qwen2.5-coder:32b\n    endpoints: [claude]");
        RoutePolicy policy = new(ConfigYaml.LoadGood(yaml));

        RouteDecision decision = policy.Decide(Refactor("Inline this.\n\nSECRET_KEY = \"hT9#kq2Lm0vXz81pQ\"\n"));

        Assert.True(decision.LocalOnly);
        Assert.NotEqual("claude", decision.Endpoint);
        Assert.Equal(Tier.Code, decision.Tier);
    }
}

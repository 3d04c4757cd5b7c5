using System.Text.Json;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Tokens;
using Router.Lsp.Chat;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;
using Router.Runtime.Sessions;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Chat;

public sealed class ChatHistoryTests
{
    private const string Code = "int Twice(int x)\n{\n    return x * 2;\n}\n";

    private static RouterJsonContext Json => RouterJsonContext.Default;

    [Fact]
    public async Task A_follow_up_question_carries_the_earlier_prompt_and_answer()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = request => request.Messages![^1].Content.StartsWith("Which", StringComparison.Ordinal)
            ? "A Dictionary lookup is O(1) on average."
            : "Because it hashes once instead of scanning.";

        await AskAsync(lsp, "Which is faster for lookups, a List or a Dictionary?");
        await AskAsync(lsp, "and why is that?");

        ModelRequest followUp = lsp.Provider.Requests.Last();
        Assert.Equal(
            [
                ("system", ChatConversation.SystemInstruction),
                ("user", "Which is faster for lookups, a List or a Dictionary?"),
                ("assistant", "A Dictionary lookup is O(1) on average."),
                ("user", "and why is that?"),
            ],
            followUp.Messages!.Select(m => (m.Role, m.Content)));
    }

    [Fact]
    public async Task An_explanation_is_part_of_the_conversation_a_question_continues()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "It doubles x.";
        await lsp.OpenAsync(Code);
        await lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.Explain, [JsonSerializer.SerializeToElement(new RouterSelectionArguments(LspHarness.Uri, Whole), Json.RouterSelectionArguments)]),
            lsp.Timeout);

        await AskAsync(lsp, "could it overflow?");

        IReadOnlyList<ChatTurn> messages = lsp.Provider.Requests.Last().Messages!;
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m.Role));
        Assert.Contains("return x * 2;", messages[1].Content, StringComparison.Ordinal);
        Assert.Equal("It doubles x.", messages[2].Content);
    }

    [Fact]
    public async Task A_question_after_a_private_one_is_kept_local_because_the_secret_is_sent_again()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "Rotate it and load it from the environment.";

        await AskAsync(lsp, "Is it fine to commit this? Server=db01;User Id=sa;Password=Tr0ub4dor-x9q;");
        await AskAsync(lsp, "and how do I rotate it?");

        RouterDecisionInfo followUp = (await DecisionsAsync(lsp))[0];
        Assert.Contains(followUp.Reasons, reason => reason.StartsWith("private:", StringComparison.Ordinal) && reason.Contains("history", StringComparison.Ordinal));
        Assert.Contains("Tr0ub4dor-x9q", lsp.Provider.Requests.Last().Messages![1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_private_for_its_file_path_makes_a_follow_up_that_sends_it_local_only()
    {
        // Nothing in the text looks secret: the turn was private because of where it came from (.env).
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "It sets the log level and the region for the app.";
        const string envUri = "file:///work/.env";
        await lsp.OpenAsync("LOG_LEVEL=debug\nREGION=eu-west-1\n", envUri);
        await lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.Explain, [JsonSerializer.SerializeToElement(new RouterSelectionArguments(envUri, new Range(new Position(0, 0), new Position(2, 0))), Json.RouterSelectionArguments)]),
            lsp.Timeout);

        await AskAsync(lsp, "what else could go there?");

        RouterDecisionInfo followUp = (await DecisionsAsync(lsp))[0];
        Assert.Equal("chat", followUp.Kind);
        Assert.Contains("private: an earlier turn sent as history was private", followUp.Reasons);
    }

    [Fact]
    public async Task A_question_without_earlier_turns_is_sent_as_before()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "Yes.";

        await AskAsync(lsp, "Is a struct copied on assignment?");

        Assert.Equal(["system", "user"], lsp.Provider.Requests.Single().Messages!.Select(m => m.Role));
        RouterDecisionInfo decision = (await DecisionsAsync(lsp))[0];
        Assert.DoesNotContain(decision.Reasons, reason => reason.StartsWith("private", StringComparison.Ordinal));
    }

    [Fact]
    public void The_newest_turns_are_kept_and_the_oldest_dropped_when_the_budget_runs_out()
    {
        string longAnswer = string.Join(' ', Enumerable.Repeat("word", 1500));
        SessionTurn[] turns =
        [
            new(RequestKind.Chat, "oldest question", longAnswer, Tier.Quick, Private: true, MinutesAgo: 9),
            new(RequestKind.Chat, "older question", longAnswer, Tier.Quick, Private: false, MinutesAgo: 6),
            new(RequestKind.Refactor, "a refactor", "```csharp\nx\n```", Tier.Heavy, Private: false, MinutesAgo: 4),
            new(RequestKind.Chat, "newest question", longAnswer, Tier.Code, Private: false, MinutesAgo: 2),
        ];

        ChatConversation conversation = ChatConversation.Select(turns, RouterConfig.Default, textTokens: 10, TokenCounter.Default);

        Assert.Equal(["older question", "newest question"], conversation.Sent.Select(t => t.Prompt));
        Assert.False(conversation.SendsPrivateTurn);
        // The policy still sees every turn's tier and age (continuity), but text only where it is sent.
        Assert.Equal([Tier.Quick, Tier.Quick, Tier.Heavy, Tier.Code], conversation.History.Select(t => t.Tier!.Value));
        Assert.Equal([false, true, false, true], conversation.History.Select(t => t.Text is not null));
    }

    private static readonly Range Whole = new(new Position(0, 0), new Position(4, 0));

    private static async Task AskAsync(LspHarness lsp, string prompt)
    {
        JsonElement started = await lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.Ask, [JsonSerializer.SerializeToElement(new RouterAskArguments(prompt), Json.RouterAskArguments)]), lsp.Timeout);
        Assert.Equal(JsonValueKind.Object, started.ValueKind);
    }

    private static async Task<IReadOnlyList<RouterDecisionInfo>> DecisionsAsync(LspHarness lsp)
    {
        JsonElement why = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.WhyThisModel), lsp.Timeout);
        return why.Deserialize(Json.RouterDecisionsResult)!.Decisions;
    }
}

using System.Text.Json;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Assistant;

public sealed class AssistantTests
{
    private const string Code = "int Twice(int x)\n{\n    return x * 2;\n}\n";
    private static readonly Range Whole = new(new Position(0, 0), new Position(4, 0));

    private static RouterJsonContext Json => RouterJsonContext.Default;

    private static JsonElement Selection(string? instruction = null) =>
        JsonSerializer.SerializeToElement(new RouterSelectionArguments(LspHarness.Uri, Whole, instruction), Json.RouterSelectionArguments);

    [Fact]
    public async Task Explain_streams_the_quick_tier_answer_and_records_why()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = request => $"It doubles x. ({request.Model})";
        await lsp.OpenAsync(Code);

        JsonElement started = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Explain, [Selection()]), lsp.Timeout);

        string id = started.GetProperty("id").GetString()!;

        // The chunks left before the result; the client may still be reading the last of them.
        while (!lsp.Answers.Any(a => a.Id == id && a.Done))
        {
            await Task.Delay(10, lsp.Timeout);
        }

        RouterAnswerParams[] chunks = [.. lsp.Answers.Where(a => a.Id == id)];
        Assert.Equal("It doubles x. (qwen2.5:3b)", string.Concat(chunks.Select(c => c.Markdown)));
        Assert.True(chunks[^1].Done);
        Assert.Equal("quick", chunks[^1].Tier);
        Assert.StartsWith("Explain", chunks[0].Title, StringComparison.Ordinal);

        JsonElement why = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.WhyThisModel), lsp.Timeout);
        RouterDecisionInfo decision = why.Deserialize(Json.RouterDecisionsResult)!.Decisions[0];
        Assert.Equal(("explain", "quick", "qwen2.5:3b", "gpu-box"), (decision.Kind, decision.Tier, decision.Model, decision.Endpoint));
        Assert.Contains(decision.Reasons, reason => reason.Contains("explain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_selection_offers_explain_and_lazy_refactors_and_resolving_one_gives_an_edit()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "```csharp\nint Twice(int x) => checked(x * 2);\n```\nUses checked arithmetic.";
        await lsp.OpenAsync(Code);

        IReadOnlyList<CodeAction> actions = await lsp.Client.CodeActionAsync(
            new CodeActionParams(new TextDocumentIdentifier(LspHarness.Uri), Whole, new CodeActionContext([])), lsp.Timeout);

        Assert.Contains(actions, a => a.Command?.CommandName == RouterCommands.Explain);
        CodeAction errorHandling = Assert.Single(actions, a => a.Title.StartsWith("Add error handling", StringComparison.Ordinal));
        Assert.Null(errorHandling.Edit);
        Assert.Empty(lsp.Provider.Requests);

        CodeAction resolved = (await lsp.Client.ResolveCodeActionAsync(errorHandling, lsp.Timeout))!;

        TextEdit edit = Assert.Single(resolved.Edit!.Changes![LspHarness.Uri]);
        Assert.Equal("int Twice(int x) => checked(x * 2);\n", edit.NewText);
        Assert.Equal(Whole, edit.Range);
    }

    [Theory]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("[1, 2]")]
    [InlineData("{}")]
    [InlineData("{\"uri\":5,\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":1,\"character\":0}}}")]
    [InlineData("{\"uri\":\"file:///work/sample.cs\",\"range\":\"all of it\"}")]
    [InlineData("{\"uri\":\"file:///work/not-open.cs\",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":1,\"character\":0}},\"instruction\":\"Simplify\"}")]
    public async Task Resolving_a_code_action_whose_data_is_not_a_selection_answers_InvalidParams(string data)
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        await lsp.OpenAsync(Code);
        CodeAction action = new("Simplify (AI)") { Data = JsonDocument.Parse(data).RootElement.Clone() };

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.Client.ResolveCodeActionAsync(action, lsp.Timeout));

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Empty(lsp.Provider.Requests);
    }

    [Fact]
    public async Task A_code_action_request_whose_only_list_holds_a_null_is_answered_not_failed()
    {
        // Found by the protocol fuzzer: the null reached a StartsWith and the request answered InternalError.
        await using LspHarness lsp = await LspHarness.StartAsync();
        await lsp.OpenAsync(Code);

        IReadOnlyList<CodeAction> actions = await lsp.Client.CodeActionAsync(
            new CodeActionParams(new TextDocumentIdentifier(LspHarness.Uri), Whole, new CodeActionContext([], [null!, CodeActionKinds.RefactorExtract])), lsp.Timeout);

        CodeAction extract = Assert.Single(actions);
        Assert.Equal(CodeActionKinds.RefactorExtract, extract.Kind);
    }

    [Fact]
    public async Task A_refactor_that_does_not_parse_is_not_offered_as_an_edit()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "```csharp\nint Twice(int x) => x * 2 +;\n```";
        await lsp.OpenAsync(Code);

        JsonElement result = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Refactor, [Selection("Make it an expression body")]), lsp.Timeout);

        RouterRefactorResult refactor = result.Deserialize(Json.RouterRefactorResult)!;
        Assert.Null(refactor.Edit);
        Assert.Contains("does not parse", refactor.Message, StringComparison.Ordinal);

        // Refactors go to heavy, the top tier configured here, so there is no tier to escalate to (that is tested in Router.Runtime).
        Assert.Single(lsp.Provider.Requests);
    }

    [Fact]
    public async Task No_host_answering_is_a_clear_error_naming_every_attempt()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Failure = new HttpRequestException("Connection refused (127.0.0.1:11434)");
        await lsp.OpenAsync(Code);

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(
            () => lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Explain, [Selection()]), lsp.Timeout));

        Assert.Contains("gpu-box", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
        // The status notification left before the error response; the client may still be reading it.
        while (!lsp.Statuses.Any(status => status.Severity == "error" && status.Hosts.Any(host => !host.Healthy)))
        {
            await Task.Delay(10, lsp.Timeout);
        }
    }

    [Fact]
    public async Task A_command_for_a_document_that_is_not_open_is_rejected_with_a_reason()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(
            () => lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Explain, [Selection()]), lsp.Timeout));

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains("not open", error.Message, StringComparison.Ordinal);
    }
}

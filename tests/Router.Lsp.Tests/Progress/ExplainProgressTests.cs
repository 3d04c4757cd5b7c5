using System.Collections.Concurrent;
using System.Text.Json;
using Router.Lsp.Client;
using Router.Lsp.Contracts;
using Router.Protocol;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Progress;

public sealed class ExplainProgressTests
{
    private const string Code = "int Twice(int x)\n{\n    return x * 2;\n}\n";
    private const string Answer = "It doubles x, and it overflows silently for large values because the arithmetic is unchecked.";

    private static LspJsonContext Json => LspJsonContext.Default;

    private static RouterJsonContext RouterJson => RouterJsonContext.Default;

    [Fact]
    public async Task Explain_with_a_work_done_token_reports_begin_short_reports_and_end_on_that_token()
    {
        Progress progress = new();
        await using LspHarness lsp = await LspHarness.StartAsync(client: progress.Listen);
        lsp.Provider.Answer = _ => Answer;
        await lsp.OpenAsync(Code);

        JsonElement started = await lsp.Client.ExecuteCommandAsync(Explain(JsonDocument.Parse("\"w1\"").RootElement), lsp.Timeout);

        List<(string Token, JsonElement Value)> steps = await progress.UntilEndAsync(lsp);
        Assert.All(steps, step => Assert.Equal("w1", step.Token));
        Assert.Equal("begin", Kind(steps[0]));
        Assert.Equal("Explaining with qwen2.5:3b", steps[0].Value.GetProperty("title").GetString());
        Assert.True(steps[0].Value.GetProperty("cancellable").GetBoolean());
        (string, JsonElement)[] reports = [.. steps.Where(step => Kind(step) == "report")];
        Assert.NotEmpty(reports);
        Assert.All(reports, report => Assert.StartsWith("qwen2.5:3b · ", Message(report), StringComparison.Ordinal));
        Assert.Equal("end", Kind(steps[^1]));
        Assert.Contains("qwen2.5:3b", Message(steps[^1]), StringComparison.Ordinal);

        // router/answer still carries the text itself.
        string id = started.GetProperty("id").GetString()!;
        while (!lsp.Answers.Any(a => a.Id == id && a.Done))
        {
            await Task.Delay(10, lsp.Timeout);
        }

        Assert.Equal(Answer, string.Concat(lsp.Answers.Where(a => a.Id == id).Select(a => a.Markdown)));
    }

    [Fact]
    public async Task Ask_without_a_token_from_a_client_with_work_done_progress_gets_a_token_created_for_it()
    {
        Progress progress = new();
        ConcurrentQueue<string> created = new();
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false, client: client =>
        {
            progress.Listen(client);
            client.Connection.AddRequestHandler(LspMethods.WorkDoneProgressCreate, Json.WorkDoneProgressCreateParams, Json.Object, (create, _) =>
            {
                created.Enqueue(create.Token.ToString());
                return ValueTask.FromResult<object?>(null);
            });
        });
        await lsp.InitializeAsync(window: new WindowClientCapabilities(WorkDoneProgress: true));
        lsp.Provider.Answer = _ => Answer;

        RouterAskArguments ask = new("What is a monad?");
        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Ask, [JsonSerializer.SerializeToElement(ask, RouterJson.RouterAskArguments)]), lsp.Timeout);

        List<(string Token, JsonElement Value)> steps = await progress.UntilEndAsync(lsp);
        string token = Assert.Single(created);
        Assert.All(steps, step => Assert.Equal(token, step.Token));
        Assert.StartsWith("Asking with ", steps[0].Value.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_progress_in_the_editor_cancels_the_explain()
    {
        Progress progress = new();
        await using LspHarness lsp = await LspHarness.StartAsync(client: progress.Listen);
        lsp.Provider.Hold = _ => true;
        await lsp.OpenAsync(Code);

        Task<JsonElement> explain = lsp.Client.ExecuteCommandAsync(Explain(JsonDocument.Parse("7").RootElement), lsp.Timeout);
        await lsp.Provider.WaitForRequestAsync(lsp.Timeout);
        await lsp.Client.Connection.SendNotificationAsync(
            LspMethods.WorkDoneProgressCancel, new WorkDoneProgressCancelParams(new ProgressToken(7)), Json.WorkDoneProgressCancelParams, lsp.Timeout);

        JsonRpcException cancelled = await Assert.ThrowsAsync<JsonRpcException>(() => explain);
        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, cancelled.Code);
        List<(string Token, JsonElement Value)> steps = await progress.UntilEndAsync(lsp);
        Assert.Equal("7", steps[^1].Token);
        Assert.Equal("cancelled", Message(steps[^1]));
        while (lsp.Provider.CancelledStreams == 0)
        {
            await Task.Delay(5, lsp.Timeout);
        }
    }

    private static ExecuteCommandParams Explain(JsonElement token) => new(
        RouterCommands.Explain,
        [JsonSerializer.SerializeToElement(new RouterSelectionArguments(LspHarness.Uri, new Range(new Position(0, 0), new Position(4, 0))), RouterJson.RouterSelectionArguments)],
        token);

    private static string Kind((string Token, JsonElement Value) step) => step.Value.GetProperty("kind").GetString()!;

    private static string Message((string Token, JsonElement Value) step) => step.Value.GetProperty("message").GetString()!;

    /// <summary>The <c>$/progress</c> notifications the client received, in order.</summary>
    private sealed class Progress
    {
        private readonly ConcurrentQueue<(string Token, JsonElement Value)> _steps = new();

        public void Listen(LspClient client) =>
            client.Connection.AddNotificationHandler(
                LspMethods.Progress,
                Json.ProgressParamsJsonElement,
                (progress, _) =>
                {
                    _steps.Enqueue((progress.Token.ToString(), progress.Value.Clone()));
                    return ValueTask.CompletedTask;
                },
                HandlerMode.Mutating);

        public async Task<List<(string Token, JsonElement Value)>> UntilEndAsync(LspHarness lsp)
        {
            while (!_steps.Any(step => Kind(step) == "end"))
            {
                await Task.Delay(10, lsp.Timeout);
            }

            return [.. _steps];
        }
    }
}

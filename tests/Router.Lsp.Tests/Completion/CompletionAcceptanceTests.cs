using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Router.Core.Usage;
using Router.Lsp.Completion;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Usage;

namespace Router.Lsp.Tests.Completion;

/// <summary>What became of each inline completion shown, as the usage ledger (a real SQLite file) books it.</summary>
public sealed class CompletionAcceptanceTests : IAsyncLifetime
{
    private static readonly JsonElement ReportsAccepts = JsonDocument.Parse("""{"completionAccepts": true}""").RootElement.Clone();

    private readonly string _folder = Directory.CreateTempSubdirectory("router-acceptance-").FullName;
    private UsageLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await UsageLedger.OpenAsync(Path.Combine(_folder, UsageLedger.FileName));

    public async Task DisposeAsync()
    {
        await _ledger.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_inline_completion_carries_the_accept_command_and_running_it_books_the_characters_taken()
    {
        await using LspHarness lsp = await StartAsync(ReportsAccepts);
        lsp.Provider.Answer = _ => "a + b";
        await lsp.OpenAsync("int Add(int a, int b) => ;\n");

        InlineCompletionItem item = await InvokedAsync(lsp, 0, 25);

        Command command = Assert.IsType<Command>(item.Command);
        Assert.Equal(RouterCommands.CompletionAccepted, command.CommandName);
        RouterCompletionAcceptedArguments arguments = Assert.Single(command.Arguments!).Deserialize(RouterJsonContext.Default.RouterCompletionAcceptedArguments)!;
        Assert.Equal(5, arguments.Characters);

        // What VS Code sends when the user presses Tab: the item's own command and arguments.
        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(command.CommandName, command.Arguments), lsp.Timeout);

        UsageRecord booked = Assert.Single(await BookedAsync());
        Assert.Equal(arguments.RequestId, booked.RequestId);
        Assert.Equal(UsageOutcome.Accepted, booked.Outcome);
        Assert.Equal(5, booked.AcceptedCharacters);
        Assert.Equal("csharp", booked.Language);
        Assert.Equal(Router.Core.Requests.RequestKind.Completion, booked.Kind);
    }

    [Fact]
    public async Task A_newer_suggestion_for_the_same_document_dismisses_the_one_shown_before()
    {
        await using LspHarness lsp = await StartAsync(ReportsAccepts);
        lsp.Provider.Answer = _ => "first";
        await lsp.OpenAsync("var x = ;\nvar y = ;\n");
        InlineCompletionItem first = await InvokedAsync(lsp, 0, 8);
        lsp.Provider.Answer = _ => "second";
        await InvokedAsync(lsp, 1, 8);

        IReadOnlyList<UsageRecord> booked = await BookedAsync();

        Assert.Equal(UsageOutcome.Dismissed, booked.Single(r => r.RequestId == IdOf(first)).Outcome);
        Assert.Equal(UsageOutcome.Shown, booked.Single(r => r.RequestId != IdOf(first)).Outcome);
    }

    [Fact]
    public async Task A_completion_not_accepted_within_thirty_seconds_is_dismissed_and_one_accepted_in_time_is_not()
    {
        FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
        await using LspHarness lsp = await StartAsync(ReportsAccepts, clock);
        lsp.Provider.Answer = _ => "value";
        await lsp.OpenAsync("var x = ;\n", "file:///work/a.cs");
        await lsp.OpenAsync("var y = ;\n", "file:///work/b.cs");
        InlineCompletionItem ignored = await InvokedAsync(lsp, 0, 8, "file:///work/a.cs");
        InlineCompletionItem taken = await InvokedAsync(lsp, 0, 8, "file:///work/b.cs");

        clock.Advance(CompletionAcceptance.DismissAfter - TimeSpan.FromSeconds(1));
        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(taken.Command!.CommandName, taken.Command.Arguments), lsp.Timeout);
        Assert.Equal(UsageOutcome.Shown, (await BookedAsync()).Single(r => r.RequestId == IdOf(ignored)).Outcome);
        clock.Advance(TimeSpan.FromSeconds(1));

        IReadOnlyList<UsageRecord> booked = await BookedAsync();
        Assert.Equal(UsageOutcome.Dismissed, booked.Single(r => r.RequestId == IdOf(ignored)).Outcome);
        Assert.Equal(UsageOutcome.Accepted, booked.Single(r => r.RequestId == IdOf(taken)).Outcome);
    }

    [Fact]
    public async Task A_client_that_never_runs_the_accept_command_leaves_its_completions_shown_so_acceptance_stays_unknown()
    {
        FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
        await using LspHarness lsp = await StartAsync(initializationOptions: null, clock);
        lsp.Provider.Answer = _ => "one";
        await lsp.OpenAsync("var x = ;\nvar y = ;\n");
        await InvokedAsync(lsp, 0, 8);
        lsp.Provider.Answer = _ => "two";
        await InvokedAsync(lsp, 1, 8);
        clock.Advance(TimeSpan.FromMinutes(5));

        IReadOnlyList<UsageRecord> booked = await BookedAsync();

        Assert.Equal(2, booked.Count);
        Assert.All(booked, r => Assert.Equal(UsageOutcome.Shown, r.Outcome));
    }

    [Fact]
    public async Task A_client_that_runs_the_accept_command_unannounced_has_its_later_dismissals_booked()
    {
        await using LspHarness lsp = await StartAsync(initializationOptions: null);
        lsp.Provider.Answer = _ => "taken";
        await lsp.OpenAsync("var x = ;\nvar y = ;\nvar z = ;\n");
        InlineCompletionItem taken = await InvokedAsync(lsp, 0, 8);
        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(taken.Command!.CommandName, taken.Command.Arguments), lsp.Timeout);
        lsp.Provider.Answer = _ => "left";
        InlineCompletionItem left = await InvokedAsync(lsp, 1, 8);
        lsp.Provider.Answer = _ => "newest";
        await InvokedAsync(lsp, 2, 8);

        IReadOnlyList<UsageRecord> booked = await BookedAsync();

        Assert.Equal(UsageOutcome.Accepted, booked.Single(r => r.RequestId == IdOf(taken)).Outcome);
        Assert.Equal(UsageOutcome.Dismissed, booked.Single(r => r.RequestId == IdOf(left)).Outcome);
    }

    [Fact]
    public async Task Typing_into_a_suggestion_and_accepting_the_rest_books_the_accept_on_the_request_that_asked_the_model()
    {
        await using LspHarness lsp = await StartAsync(ReportsAccepts);
        lsp.Provider.Answer = _ => "Length";
        await lsp.OpenAsync("var n = s.;\n");
        InlineCompletionItem first = await InvokedAsync(lsp, 0, 10);
        await lsp.ReplaceAsync(new Protocol.Lsp.Range(new Position(0, 10), new Position(0, 10)), "Le");

        InlineCompletionItem rest = await InvokedAsync(lsp, 0, 12);

        Assert.Equal("ngth", rest.InsertText);
        Assert.Single(lsp.Provider.Requests);
        Assert.Equal(IdOf(first), IdOf(rest));
        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(rest.Command!.CommandName, rest.Command.Arguments), lsp.Timeout);
        UsageRecord booked = Assert.Single(await BookedAsync());
        Assert.Equal(UsageOutcome.Accepted, booked.Outcome);
        Assert.Equal(4, booked.AcceptedCharacters);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"requestId\": \"\"}]")]
    [InlineData("[{\"requestId\": 7}]")]
    [InlineData("[\"just text\"]")]
    public async Task A_malformed_accept_is_refused_as_bad_params_and_the_server_keeps_serving(string arguments)
    {
        await using LspHarness lsp = await StartAsync(ReportsAccepts);
        lsp.Provider.Answer = _ => "ok";
        await lsp.OpenAsync("var x = ;\n");

        JsonRpcException refused = await Assert.ThrowsAsync<JsonRpcException>(() => lsp.Client.ExecuteCommandAsync(
            new ExecuteCommandParams(RouterCommands.CompletionAccepted, JsonSerializer.Deserialize<List<JsonElement>>(arguments)), lsp.Timeout));

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, refused.Code);
        Assert.Equal("ok", (await InvokedAsync(lsp, 0, 8)).InsertText);
    }

    private Task<LspHarness> StartAsync(JsonElement? initializationOptions, TimeProvider? time = null) =>
        StartAndInitializeAsync(new LspServerOptions { UsageLedger = _ledger, Time = time ?? TimeProvider.System }, initializationOptions);

    private static async Task<LspHarness> StartAndInitializeAsync(LspServerOptions options, JsonElement? initializationOptions)
    {
        LspHarness lsp = await LspHarness.StartAsync(initialize: false, options: options);
        await lsp.InitializeAsync(initializationOptions: initializationOptions);
        return lsp;
    }

    /// <summary>An explicitly invoked completion (no debounce, so a hand-moved clock does not hold it).</summary>
    private static async Task<InlineCompletionItem> InvokedAsync(LspHarness lsp, int line, int character, string uri = LspHarness.Uri)
    {
        InlineCompletionList list = await lsp.Client.InlineCompletionAsync(
            new InlineCompletionParams(new TextDocumentIdentifier(uri), new Position(line, character), new InlineCompletionContext(InlineCompletionTriggerKind.Invoked)),
            lsp.Timeout);
        return Assert.Single(list.Items);
    }

    private static string IdOf(InlineCompletionItem item) =>
        Assert.Single(item.Command!.Arguments!).Deserialize(RouterJsonContext.Default.RouterCompletionAcceptedArguments)!.RequestId;

    private async Task<IReadOnlyList<UsageRecord>> BookedAsync()
    {
        await _ledger.FlushAsync(CancellationToken.None);
        List<UsageRecord> records = [];
        await foreach (UsageRecord record in _ledger.ReadSinceAsync(DateTimeOffset.UnixEpoch, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }
}

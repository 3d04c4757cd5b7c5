using Router.Backends.Providers;
using Router.Lsp.Completion;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;
using Router.Runtime.Health;
using Router.Runtime.Inventory;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Completion;

public sealed class InlineCompletionTests
{
    [Fact]
    public async Task Prefix_and_suffix_around_the_cursor_reach_the_code_model_as_fill_in_the_middle()
    {
        LspServerOptions options = new() { MaxOutputTokens = 64, Temperature = 0.1 };
        await using LspHarness lsp = await LspHarness.StartAsync(options: options, config: RouterConfigSource.Fixed(TestConfig.With(codeModel: "coder:test")));
        lsp.Provider.Answer = _ => "a + b";
        await lsp.OpenAsync("int Add(int a, int b)\n{\n    return ;\n}\n");

        string? completion = await lsp.InlineAsync(2, 11);

        ModelRequest request = Assert.Single(lsp.Provider.Requests);
        Assert.Equal("coder:test", request.Model);
        Assert.Equal("int Add(int a, int b)\n{\n    return ", request.Prompt);
        Assert.Equal(";\n}\n", request.Suffix);
        Assert.Equal(64, request.Options.MaxTokens);
        Assert.Equal(0.1, request.Options.Temperature);
        Assert.Equal(["\n"], request.Options.Stop);
        Assert.Equal("a + b", completion);
    }

    [Fact]
    public async Task Closing_text_already_after_the_cursor_is_not_repeated()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "\"hello\");";
        await lsp.OpenAsync("Console.WriteLine();");

        Assert.Equal("\"hello\"", await lsp.InlineAsync(0, 18));
    }

    [Fact]
    public async Task Single_line_mode_stops_at_the_first_line_break_and_closes_the_stream()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "price * 2\nvar other = 3;\nvar more = 4;";
        await lsp.OpenAsync("var total =  + 1;");

        Assert.Equal("price * 2", await lsp.InlineAsync(0, 12));
        Assert.Equal(1, lsp.Provider.AbandonedStreams);
    }

    [Fact]
    public async Task After_an_opening_brace_the_completion_may_span_lines()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "\n    int y = x * 2;\n    return y;\n}";
        await lsp.OpenAsync("int Twice(int x) {\n}\n");

        string? completion = await lsp.InlineAsync(0, 18);

        Assert.Equal("\n    int y = x * 2;\n    return y;", completion);
        // Two blank lines end a block, and so does any of the family's end tokens, whatever the mode.
        IReadOnlyList<string> stops = Assert.Single(lsp.Provider.Requests).Options.Stop!;
        Assert.Equal("\n\n\n", stops[0]);
        Assert.Equal(Router.Core.FillInTheMiddle.FillInTheMiddleTemplates.QwenCoder.SpecialTokens, stops.Skip(1));
    }

    [Fact]
    public async Task Whitespace_only_answer_gives_an_empty_result()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "  \n\t\n";
        await lsp.OpenAsync("int x = 1;\n");

        Assert.Null(await lsp.InlineAsync(1, 0));
        Assert.Equal(CompletionOutcome.Empty, Assert.Single(lsp.Traces).Outcome);
    }

    [Fact]
    public async Task Unknown_document_gives_an_empty_result_without_asking_the_model()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();

        Assert.Null(await lsp.InlineAsync(0, 0, "file:///never/opened.cs"));
        Assert.Empty(lsp.Provider.Requests);
    }

    [Fact]
    public async Task Completion_request_answers_one_item_that_inserts_at_the_cursor()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "Length;";
        await lsp.OpenAsync("var n = items.");

        CompletionList list = await lsp.Client.CompletionAsync(
            new CompletionParams(new TextDocumentIdentifier(LspHarness.Uri), new Position(0, 14)),
            lsp.Timeout);

        CompletionItem item = Assert.Single(list.Items);
        Assert.Equal("Length;", item.TextEdit!.NewText);
        Assert.Equal(new Range(new Position(0, 14), new Position(0, 14)), item.TextEdit.Range);
        Assert.Equal(LspMethods.Completion, Assert.Single(lsp.Traces).Method);
    }

    [Fact]
    public async Task Trace_reports_model_endpoint_outcome_and_usage()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "done()";
        await lsp.OpenAsync("call");

        await lsp.InlineAsync(0, 4);

        CompletionTrace trace = Assert.Single(lsp.Traces);
        Assert.Equal(LspMethods.InlineCompletion, trace.Method);
        Assert.Equal("qwen2.5-coder:14b", trace.Model);
        Assert.Equal("gpu-box", trace.Endpoint);
        Assert.Equal(CompletionOutcome.Completed, trace.Outcome);
        Assert.Equal(6, trace.CompletionLength);
        Assert.Equal(42, trace.Usage!.PromptTokens);
        Assert.NotNull(trace.TimeToFirstChunk);
        Assert.True(trace.PrefixTokens > 0);
    }

    [Fact]
    public async Task Newer_completion_for_the_same_document_cancels_the_older_one()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Hold = request => request.Prompt == "first";
        lsp.Provider.Answer = _ => " second";
        await lsp.OpenAsync("first");

        Task<string?> older = lsp.InlineAsync(0, 5);
        await lsp.Provider.WaitForRequestAsync(lsp.Timeout);
        await lsp.ReplaceAsync(new Range(new Position(0, 0), new Position(0, 5)), "second");
        string? newer = await lsp.InlineAsync(0, 6);

        // The server gave it up, the client did not cancel it: LSP 3.17 keeps RequestCancelled for the client's own cancels.
        JsonRpcException cancelled = await Assert.ThrowsAsync<JsonRpcException>(() => older);
        Assert.Equal(JsonRpcErrorCodes.ServerCancelled, cancelled.Code);
        Assert.Equal("second", newer?.Trim());
        Assert.Equal(1, lsp.Provider.CancelledStreams);
        Assert.Contains(lsp.Traces, trace => trace.Outcome == CompletionOutcome.Cancelled);
    }

    [Fact]
    public async Task Closing_the_document_under_a_running_completion_answers_ContentModified_and_closes_the_stream()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Hold = _ => true;
        await lsp.OpenAsync("slow");

        Task<string?> request = lsp.InlineAsync(0, 4);
        await lsp.Provider.WaitForRequestAsync(lsp.Timeout);
        await lsp.Client.DidCloseAsync(LspHarness.Uri, lsp.Timeout);

        JsonRpcException modified = await Assert.ThrowsAsync<JsonRpcException>(() => request);
        Assert.Equal(JsonRpcErrorCodes.ContentModified, modified.Code);
        while (lsp.Provider.CancelledStreams == 0)
        {
            await Task.Delay(5, lsp.Timeout);
        }
    }

    [Fact]
    public async Task Client_cancel_closes_the_model_stream_and_answers_RequestCancelled_in_the_client()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Hold = _ => true;
        await lsp.OpenAsync("slow");
        using CancellationTokenSource cancel = new();

        Task<string?> request = lsp.InlineAsync(0, 4, cancellationToken: cancel.Token);
        await lsp.Provider.WaitForRequestAsync(lsp.Timeout);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        while (lsp.Provider.CancelledStreams == 0)
        {
            await Task.Delay(5, lsp.Timeout);
        }
    }

    [Fact]
    public async Task A_dead_host_is_logged_once_and_then_skipped_without_being_contacted()
    {
        // A cooldown longer than the test, so a slow machine cannot turn a later keystroke into the circuit's trial.
        await using LspHarness lsp = await LspHarness.StartAsync(health: new EndpointHealthOptions { BaseCooldown = TimeSpan.FromMinutes(10), MaxCooldown = TimeSpan.FromMinutes(10) });
        await lsp.OpenAsync("var x = \nvar y = \nvar z = ");
        lsp.Provider.Failure = new HttpRequestException("Connection refused (localhost:11434)");

        Assert.Null(await lsp.InlineAsync(0, 8));
        Assert.Null(await lsp.InlineAsync(1, 8));
        Assert.Null(await lsp.InlineAsync(2, 8));

        LogMessageParams first = await lsp.NextLogAsync();
        Assert.Equal(MessageType.Warning, first.Type);
        Assert.Contains("qwen2.5-coder:14b", first.Message, StringComparison.Ordinal);
        Assert.Contains("gpu-box", first.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", first.Message, StringComparison.Ordinal);

        // The circuit opened on the first failure: later keystrokes don't pay for the dead host again.
        Assert.Single(lsp.Provider.Requests);
        Assert.Equal(3, lsp.Traces.Count(trace => trace.Outcome == CompletionOutcome.Failed));
    }

    [Fact]
    public async Task Same_failure_is_logged_again_after_a_success()
    {
        // A cooldown shorter than the test's steps, so each request is the circuit's trial.
        await using LspHarness lsp = await LspHarness.StartAsync(health: new EndpointHealthOptions { BaseCooldown = TimeSpan.FromTicks(1), MaxCooldown = TimeSpan.FromTicks(1) });
        await lsp.OpenAsync("var x = \nvar y = ");
        HttpRequestException down = new("host down");
        lsp.Provider.Answer = _ => "1;";

        lsp.Provider.Failure = down;
        Assert.Null(await lsp.InlineAsync(0, 8));
        lsp.Provider.Failure = null;
        Assert.Equal("1;", await lsp.InlineAsync(1, 8));
        lsp.Provider.Failure = down;
        Assert.Null(await lsp.InlineAsync(0, 8));

        Assert.Contains("host down", (await lsp.NextLogAsync()).Message, StringComparison.Ordinal);
        Assert.Contains("host down", (await lsp.NextLogAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_change_is_seen_by_the_completion_sent_right_after_it()
    {
        // No debounce: this client waits for each answer before its next keystroke, so the debounce would learn its own wait
        // as the typist's rhythm and hold all 150 keystrokes at the maximum.
        await using LspHarness lsp = await LspHarness.StartAsync(options: new LspServerOptions { DebounceMinimum = TimeSpan.Zero, DebounceMaximum = TimeSpan.Zero });
        lsp.Provider.Answer = request => "<" + request.Prompt![^1..] + ">";
        await lsp.OpenAsync(string.Empty);
        string typed = string.Empty;

        for (int i = 0; i < 150; i++)
        {
            // The change is not awaited by the server before the request is sent: only the queue orders them.
            string next = ((char)('a' + (i % 26))).ToString();
            Task change = lsp.ReplaceAsync(new Range(new Position(0, i), new Position(0, i)), next);
            Task<string?> completion = lsp.InlineAsync(0, i + 1);
            await change;
            typed += next;

            Assert.Equal("<" + next + ">", await completion);
        }

        Assert.Equal(typed, lsp.Provider.Requests.Last().Prompt);
    }

    [Fact]
    public async Task Burst_of_completions_for_one_document_leaves_only_the_latest_answering()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        const int burst = 25;
        string final = new('k', burst);

        // Every stream but the last one waits until it is cancelled: only supersession can end them.
        lsp.Provider.Hold = request => request.Prompt != final;
        lsp.Provider.Answer = _ => "Done();";
        await lsp.OpenAsync(string.Empty);

        List<Task<string?>> completions = [];
        for (int i = 0; i < burst; i++)
        {
            await lsp.ReplaceAsync(new Range(new Position(0, i), new Position(0, i)), "k");
            completions.Add(lsp.InlineAsync(0, i + 1));
        }

        Assert.Equal("Done();", await completions[^1]);
        foreach (Task<string?> older in completions[..^1])
        {
            JsonRpcException cancelled = await Assert.ThrowsAsync<JsonRpcException>(() => older);
            Assert.Equal(JsonRpcErrorCodes.ServerCancelled, cancelled.Code);
        }

        // Stale requests the debounce let through were closed; none is left running on the backend.
        Assert.Equal(lsp.Provider.Requests.Count - 1, lsp.Provider.CancelledStreams);
    }

    [Fact]
    public async Task A_burst_of_keystrokes_inside_the_debounce_reaches_the_model_once()
    {
        TimeSpan debounce = TimeSpan.FromSeconds(3);
        await using LspHarness lsp = await LspHarness.StartAsync(options: new LspServerOptions { DebounceMinimum = debounce, DebounceMaximum = debounce });
        lsp.Provider.Answer = request => "<" + request.Prompt + ">";
        await lsp.OpenAsync(string.Empty);

        List<Task<string?>> completions = [];
        for (int i = 0; i < 10; i++)
        {
            await lsp.ReplaceAsync(new Range(new Position(0, i), new Position(0, i)), "k");
            completions.Add(lsp.InlineAsync(0, i + 1));
        }

        Assert.Equal("<kkkkkkkkkk>", await completions[^1]);
        Assert.Equal("kkkkkkkkkk", Assert.Single(lsp.Provider.Requests).Prompt);
    }

    [Fact]
    public async Task Typing_ahead_into_a_suggestion_is_served_without_asking_the_model()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "total + price";
        await lsp.OpenAsync("total = ");

        Assert.Equal("total + price", await lsp.InlineAsync(0, 8));
        await lsp.ReplaceAsync(new Range(new Position(0, 8), new Position(0, 8)), "tot");

        Assert.Equal("al + price", await lsp.InlineAsync(0, 11));
        Assert.Single(lsp.Provider.Requests);
        Assert.Equal(CompletionOutcome.Cached, lsp.Traces.Last().Outcome);
    }

    [Fact]
    public async Task Failing_observer_does_not_break_completion()
    {
        LspServerOptions throwing = new() { CompletionObserver = _ => throw new InvalidOperationException("observer bug") };
        await using LspHarness other = await LspHarness.StartAsync(options: throwing);
        other.Provider.Answer = _ => "ok();";
        await other.OpenAsync("x");

        Assert.Equal("ok();", await other.InlineAsync(0, 1));
        Assert.Equal(CompletionOutcome.Completed, Assert.Single(other.Traces).Outcome);
    }

    [Fact]
    public async Task Other_open_files_of_the_same_language_reach_the_model_before_the_prefix()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = _ => "Total(order);";
        await lsp.Client.DidOpenAsync(new TextDocumentItem("file:///w/Pricing.cs", "csharp", 1, "static decimal Total(Order order) => 0m;"), lsp.Timeout);
        await lsp.Client.DidOpenAsync(new TextDocumentItem("file:///w/notes.md", "markdown", 1, "secret plans"), lsp.Timeout);
        await lsp.OpenAsync("var t = ");

        Assert.Equal("Total(order);", await lsp.InlineAsync(0, 8));

        string prompt = Assert.Single(lsp.Provider.Requests).Prompt!;
        Assert.StartsWith("// Path: /w/Pricing.cs\n// static decimal Total(Order order) => 0m;\n", prompt, StringComparison.Ordinal);
        Assert.EndsWith("var t = ", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("secret plans", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_without_insert_gets_its_own_fill_in_the_middle_tokens_and_none_come_back()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(status: new StatedModelFacts(new ModelStatus(true, true, SupportsInsert: false, false, 32768)));
        lsp.Provider.Answer = _ => "a + b<|endoftext|><|fim_prefix|>junk";
        await lsp.OpenAsync("int Add(int a, int b) => \n");

        Assert.Equal("a + b", await lsp.InlineAsync(0, 25));

        ModelRequest sent = Assert.Single(lsp.Provider.Requests);
        Assert.True(sent.Raw);
        Assert.Null(sent.Suffix);
        Assert.Equal("<|fim_prefix|>int Add(int a, int b) => <|fim_suffix|>\n<|fim_middle|>", sent.Prompt);
        Assert.Contains("<|endoftext|>", sent.Options.Stop!);
    }
}

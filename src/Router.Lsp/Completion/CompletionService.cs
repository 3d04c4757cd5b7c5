using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Router.Backends.Endpoints;
using Router.Backends.FillInTheMiddle;
using Router.Backends.Providers;
using Router.Core.FillInTheMiddle;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Lsp.Documents;
using Router.Lsp.Status;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime;
using Router.Runtime.Dispatch;
using Router.Runtime.Inventory;
using Router.Runtime.Usage;

namespace Router.Lsp.Completion;

/// <summary>Asks the code-tier model for a fill-in-the-middle completion at a position and post-processes it.
/// Backend failures become an empty answer, and the user is told once per problem (see <see cref="StatusPublisher"/>);
/// superseded requests are cancelled.</summary>
internal sealed class CompletionService(
    DocumentStore documents,
    CompletionRouter router,
    RouterRuntime runtime,
    StatusPublisher status,
    LspServerOptions options,
    CompletionTracePublisher traces)
{
    private static readonly char[] LineBreaks = ['\r', '\n'];

    private readonly FillInTheMiddleContextBuilder _contextBuilder =
        new(Router.Core.Tokens.TokenCounter.Default, options.PrefixTokenBudget, options.SuffixTokenBudget);

    private readonly RelatedFilesContextBuilder _relatedFiles = new(Router.Core.Tokens.TokenCounter.Default, options.RelatedFilesTokenBudget);
    private readonly CompletionSupersession _supersession = new();
    private readonly CompletionCache _cache = new(options.CompletionCacheSize);
    private readonly AdaptiveDebounce _debounce = new(options.DebounceMinimum, options.DebounceMaximum, options.Time);

    /// <summary>What became of each completion shown: accepted, dismissed, or unknown for an editor that cannot say.</summary>
    public CompletionAcceptance Acceptance { get; } = new(new CompletionUsageBook(options.UsageLedger ?? runtime.Ledger), options.Time);

    // The ledger the dispatcher books into; the editor's verdicts (shown, accepted, dismissed) update its rows.
    private IUsageLedger? Ledger => options.UsageLedger ?? runtime.Ledger;

    /// <summary>Returns the text to insert at the position (empty for none) and the request id its accept is booked under. Throws <see cref="OperationCanceledException"/>
    /// when the client cancels, and a <see cref="JsonRpcException"/> (ServerCancelled, ContentModified) when the server gives
    /// the completion up because a newer one replaced it or its document closed.</summary>
    /// <param name="invoked">The user asked explicitly, so there is no debounce.</param>
    public async Task<ShownCompletion> CompleteAsync(string method, string documentUri, Position position, bool invoked, CancellationToken cancellationToken)
    {
        // The snapshot is taken before the first await, so it reflects every change that arrived before the request.
        if (!documents.TryGet(documentUri, out TextDocument? document) || !router.Enabled)
        {
            return ShownCompletion.None;
        }

        long started = Stopwatch.GetTimestamp();
        string requestId = Guid.NewGuid().ToString("N");
        int cursor = document.OffsetAt(position, documents.Encoding);
        FillInTheMiddleContext context = _contextBuilder.Build(document.Text, cursor);
        CompletionLease lease = _supersession.Begin(documentUri, cancellationToken);
        TimeSpan debounce = invoked ? TimeSpan.Zero : _debounce.Next(documentUri);
        if (_cache.FindHit(documentUri, document.Text, cursor) is { } cached)
        {
            _supersession.End(documentUri, lease);
            await ReportAsync(method, documentUri, null, null, CompletionOutcome.Cached, started, null, context, cached.Remainder.Length, null, null);

            // The same suggestion again (or what is left of it after typing into it): an accept now is an accept of the model's answer.
            if (cached.RequestId is { } shownBefore)
            {
                Acceptance.Shown(shownBefore, documentUri, cached.Remainder.Length);
            }

            return new ShownCompletion(cached.Remainder, cached.RequestId);
        }

        TimeSpan? firstChunk = null;
        ModelUsage? usage = null;
        CompletionRoute? route = null;
        AnsweredBy? answeredBy = null;
        try
        {
            // Waiting inside the lease: the client's cancel, a newer request or a newer keystroke ends this request before it
            // reaches the model.
            await _debounce.WaitAsync(debounce, lease.Token);
            lease.MarkDebounced();

            // Quoting other files costs token counts: only a request that outlived the debounce pays for it.
            RelatedFilesContext related = _relatedFiles.Build(document.LanguageId, documents.RecentlyTouched(document.LanguageId, documentUri));
            context = context with { Prefix = related.Text + context.Prefix, PrefixTokens = related.Tokens + context.PrefixTokens };
            route = router.Route(document, context, related.DocumentUris);
            QuotedFiles? quoted = related.Files.Count == 0 ? null : new QuotedFiles(related.Text, related.Files);
            DispatchRequest request = new(route.Request, route.Decision, route.Config)
            {
                // The dispatcher books the completion under the id its item's accept command names.
                UsageId = requestId,
                BuildModelRequest = model => BuildRequest(model, context, quoted),
                BuildRawFillInTheMiddle = model => BuildRawRequest(model, context, quoted),
            };

            // In single-line mode the rest of the answer would be cut anyway: the first line break ends the stream.
            using CancellationTokenSource enough = CancellationTokenSource.CreateLinkedTokenSource(lease.Token);
            StringBuilder streamed = new();
            string answer;

            // What the dispatcher booked: shown for an answer with text, cancelled when the first line break cut the stream.
            bool bookedShown = false;
            try
            {
                DispatchResult result = await runtime.Dispatcher.DispatchAsync(
                    request,
                    async (step, token) =>
                    {
                        answeredBy = new AnsweredBy(step.Tier, step.Model, step.Endpoint);
                        switch (step.Kind)
                        {
                            case DispatchEventKind.Text:
                                firstChunk ??= Stopwatch.GetElapsedTime(started);
                                streamed.Append(step.Text);
                                if (!context.MultiLine && step.Text.AsSpan().IndexOfAny(LineBreaks) >= 0)
                                {
                                    await enough.CancelAsync();
                                }

                                break;
                            case DispatchEventKind.Restart or DispatchEventKind.Escalation:
                                streamed.Clear();
                                break;
                            case DispatchEventKind.Progress:
                                // A cold load takes seconds: say so instead of leaving the user wondering where the ghost text is.
                                await status.ReportProgressAsync(step.Text, token);
                                break;
                        }
                    },
                    enough.Token);
                answeredBy = new AnsweredBy(result.Tier, result.Model, result.Endpoint);
                usage = result.Usage;
                bookedShown = result.Text.Length > 0;

                // Cut by the completion deadline while it streamed: a half-written last line is not worth showing.
                answer = result.DoneReason == RequestDispatcher.DeadlineDoneReason ? CompletionPostProcessor.KeepWholeLines(result.Text) : result.Text;
                await runtime.RecordAsync(result, route.Config, CancellationToken.None);
                await status.ReportAnswerAsync(result, route.Decision.ModelSetting, CancellationToken.None);
            }
            catch (OperationCanceledException) when (enough.IsCancellationRequested && !lease.IsCancellationRequested)
            {
                answer = streamed.ToString();
                if (answeredBy is not null)
                {
                    await status.ReportWorkingAsync(answeredBy.Endpoint, answeredBy.Model, CancellationToken.None);
                }
            }

            // A model that ran past its middle must not show its own markup, whichever prompt or mode it was given.
            if (answeredBy is not null && FillInTheMiddleTemplates.ForModel(answeredBy.Model) is { } template)
            {
                answer = template.CutAtSpecialToken(answer);
            }

            answer = FillInTheMiddleTemplates.CutAtAnyFillInTheMiddleToken(answer);

            string completion = CompletionPostProcessor.Process(answer, context);
            string? booked = Ledger is null ? null : requestId;
            _cache.Store(documentUri, document.Text, cursor, completion, booked);
            if (bookedShown != completion.Length > 0)
            {
                Ledger?.UpdateOutcome(requestId, completion.Length > 0 ? UsageOutcome.Shown : UsageOutcome.Answered);
            }

            await ReportAsync(method, documentUri, route, answeredBy, completion.Length == 0 ? CompletionOutcome.Empty : CompletionOutcome.Completed, started, firstChunk, context, completion.Length, usage, null);
            status.UsageBooked();
            if (booked is not null && completion.Length > 0)
            {
                Acceptance.Shown(booked, documentUri, completion.Length);
            }

            return new ShownCompletion(completion, completion.Length == 0 ? null : booked);
        }
        catch (Exception exception) when (lease.IsCancellationRequested)
        {
            // Whatever the dispatch threw while its stream was being closed, the request was cancelled.
            await ReportAsync(method, documentUri, route, answeredBy, CompletionOutcome.Cancelled, started, firstChunk, context, 0, usage, null);


            // The client's own cancel is answered RequestCancelled; a completion the server gave up says why it did.
            if (!cancellationToken.IsCancellationRequested && lease.DroppedBecause is { } dropped)
            {
                throw new JsonRpcException(dropped.Code, dropped.Message);
            }

            if (exception is OperationCanceledException)
            {
                throw;
            }

            throw new OperationCanceledException("The completion was cancelled.", exception, lease.Token);
        }
#pragma warning disable CA1031 // Any backend failure must become an empty answer, never an error to the editor.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            DispatchFailedException? failed = exception as DispatchFailedException;
            string summary = failed?.Summary ?? exception.Message;
            await ReportAsync(method, documentUri, route, answeredBy, CompletionOutcome.Failed, started, firstChunk, context, 0, usage, summary);
            string headline = route is null
                ? "Completion could not be routed"
                : $"Completion ({route.Decision.Tier.Name()} {route.Decision.Model}) failed";
            await status.ReportFailureAsync(headline, failed?.Attempts ?? [], summary, failed?.Privacy, CancellationToken.None);
            return ShownCompletion.None;
        }
        finally
        {
            _supersession.End(documentUri, lease);
        }
    }

    /// <summary>A change in the document: a keystroke for the debounce to learn from, and the end of a completion still
    /// waiting in it.</summary>
    public void Typed(string documentUri)
    {
        _debounce.Keystroke(documentUri);
        _supersession.Changed(documentUri);
    }

    /// <summary>Drops what is kept for a closed document, and the completion still running for it.</summary>
    public void Forget(string documentUri)
    {
        _supersession.Closed(documentUri);
        Acceptance.Closed(documentUri);
        _cache.Forget(documentUri);
        _debounce.Forget(documentUri);
    }

    /// <summary>Runs the completion path once on a made-up document, everything but the host: applying a keystroke, the
    /// debounce, fill-in-the-middle context, related files, routing, both prompt shapes, post-processing and the cache. The
    /// JIT compiles it here, at start-up, instead of on the user's first completion. Nothing is sent and nothing is kept.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        const string uri = "file:///router-warm-up/warm_up.py";
        TextDocument document = new TextDocument(uri, "python", 1, "import math\n\n\ndef area(r):\n    return math.pi * r * r\n")
            .WithChanges(2, [new TextDocumentContentChangeEvent("ci", new Protocol.Lsp.Range(new Position(3, 4), new Position(3, 4)))], documents.Encoding);
        int cursor = document.OffsetAt(new Position(3, 6), documents.Encoding);
        FillInTheMiddleContext context = _contextBuilder.Build(document.Text, cursor);
        AdaptiveDebounce debounce = new(options.DebounceMinimum, options.DebounceMaximum, options.Time);
        debounce.Keystroke(uri);
        _ = debounce.Next(uri);
        RelatedFilesContext related = _relatedFiles.Build(document.LanguageId, [document]);
        context = context with { Prefix = related.Text + context.Prefix, PrefixTokens = related.Tokens + context.PrefixTokens };
        CompletionRoute route = router.Route(document, context, related.DocumentUris);
        QuotedFiles? quoted = related.Files.Count == 0 ? null : new QuotedFiles(related.Text, related.Files);
        _ = BuildRequest(route.Decision.Model, context, quoted);
        _ = BuildRawRequest(route.Decision.Model, context, quoted);
        FillInTheMiddleTemplate template = FillInTheMiddleTemplates.ForModel(route.Decision.Model) ?? FillInTheMiddleTemplates.QwenCoder;
        string answer = template.CutAtSpecialToken(CompletionPostProcessor.KeepWholeLines("rcle_area(r):\n    return 0<|endoftext|>"));
        string completion = CompletionPostProcessor.Process(answer, context);
        CompletionCache cache = new(1);
        cache.Store(uri, document.Text, cursor, completion);
        _ = cache.Find(uri, document.Text, cursor);

        // The request and the answer as the wire carries them.
        InlineCompletionParams asked = new(new TextDocumentIdentifier(uri), new Position(3, 6), new InlineCompletionContext(InlineCompletionTriggerKind.Automatic));
        _ = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(asked, Protocol.LspJsonContext.Default.InlineCompletionParams), Protocol.LspJsonContext.Default.InlineCompletionParams);
        _ = JsonSerializer.SerializeToUtf8Bytes(
            new InlineCompletionList([new InlineCompletionItem(completion, new Protocol.Lsp.Range(asked.Position, asked.Position))]), Protocol.LspJsonContext.Default.InlineCompletionList);

        // The dispatch and the provider's HTTP and JSON path, through a runtime of its own over a host inside the process:
        // the real runtime's health, inventory, spend and fill-in-the-middle modes never see it (a mode learnt from the
        // made-up host would be used for the real endpoint of the same name, and told to the user).
        using HttpClient http = new(new WarmUpHost());
        using ModelProviderPool providers = new(http, static _ => null, new FillInTheMiddleModeBook());
        using HostInventory inventory = new(http: http, readVariable: static _ => null);
        await using RouterRuntime warmUp = new(providers, inventory);

        DispatchRequest request = new(route.Request, route.Decision, route.Config)
        {
            BuildModelRequest = model => BuildRequest(model, context, quoted),
            BuildRawFillInTheMiddle = model => BuildRawRequest(model, context, quoted),
        };
        StringBuilder streamed = new();
        _ = await warmUp.Dispatcher.DispatchAsync(
            request,
            (step, _) =>
            {
                if (step.Kind == DispatchEventKind.Text)
                {
                    streamed.Append(step.Text);
                }

                return ValueTask.CompletedTask;
            },
            cancellationToken);
    }

    /// <summary>Drops every cached completion: after a configuration change they may come from a model no longer routed to.</summary>
    public void ForgetCompletions() => _cache.Clear();

    /// <summary>For a host without <c>insert</c>: the family's own FIM tokens in a raw prompt, which stop the answer too.</summary>
    private ModelRequest? BuildRawRequest(string model, FillInTheMiddleContext context, QuotedFiles? quoted)
    {
        if (FillInTheMiddleTemplates.ForModel(model) is not { } template)
        {
            return null;
        }

        return BuildRequest(model, context, quoted) with
        {
            Prompt = template.Render(context.Prefix, context.Suffix),
            Suffix = null,
            Raw = true,
        };
    }

    /// <summary>Whatever the mode, the answer stops at the family's end tokens (a server applying the template itself may
    /// still let the model run past its middle).</summary>
    private ModelRequest BuildRequest(string model, FillInTheMiddleContext context, QuotedFiles? quoted) => new(model)
    {
        Prompt = context.Prefix,
        Suffix = context.Suffix,
        OtherFiles = quoted,
        KeepAlive = options.KeepAlive,
        Options = new GenerationOptions
        {
            MaxTokens = options.MaxOutputTokens,
            Temperature = options.Temperature,

            // Two blank lines end a block; in single-line mode the first line break ends the answer.
            Stop = [context.MultiLine ? "\n\n\n" : "\n", .. FillInTheMiddleTemplates.ForModel(model)?.SpecialTokens ?? []],
        },
    };

    private Task ReportAsync(
        string method,
        string documentUri,
        CompletionRoute? route,
        AnsweredBy? answeredBy,
        CompletionOutcome outcome,
        long started,
        TimeSpan? firstChunk,
        FillInTheMiddleContext context,
        int length,
        ModelUsage? usage,
        string? error) =>
        traces.PublishAsync(new CompletionTrace(
            method,
            documentUri,
            (answeredBy?.Tier ?? route?.Decision.Tier)?.Name() ?? "",
            answeredBy?.Model ?? route?.Decision.Model ?? "",
            answeredBy?.Endpoint ?? route?.Decision.Endpoint ?? "",
            outcome,
            Stopwatch.GetElapsedTime(started),
            firstChunk,
            context.PrefixTokens,
            context.SuffixTokens,
            context.MultiLine,
            length,
            usage,
            error));
}

using System.Diagnostics;
using System.Text;
using Router.Backends.Providers;
using Router.Core.Requests;
using Router.Lsp.Documents;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Lsp.Completion;

/// <summary>Asks the code-tier model for a fill-in-the-middle completion at a position and post-processes it.
/// Backend failures become an empty answer plus one <c>window/logMessage</c>; superseded requests are cancelled.</summary>
internal sealed class CompletionService(
    DocumentStore documents,
    CompletionRouter router,
    LspServerOptions options,
    JsonRpcConnection client,
    CompletionTracePublisher traces)
{
    private static readonly char[] LineBreaks = ['\r', '\n'];

    private readonly FillInTheMiddleContextBuilder _contextBuilder =
        new(Router.Core.Tokens.TokenCounter.Default, options.PrefixTokenBudget, options.SuffixTokenBudget);

    private readonly RelatedFilesContextBuilder _relatedFiles = new(Router.Core.Tokens.TokenCounter.Default, options.RelatedFilesTokenBudget);
    private readonly CompletionSupersession _supersession = new();
    private readonly BackendFailureLog _failures = new();
    private readonly CompletionCache _cache = new(options.CompletionCacheSize);
    private readonly AdaptiveDebounce _debounce = new(options.DebounceMinimum, options.DebounceMaximum, options.Time);

    /// <summary>Returns the text to insert at the position, or an empty string. Throws
    /// <see cref="OperationCanceledException"/> when cancelled or superseded.</summary>
    /// <param name="invoked">The user asked explicitly, so there is no debounce.</param>
    public async Task<string> CompleteAsync(string method, string documentUri, Position position, bool invoked, CancellationToken cancellationToken)
    {
        // The snapshot is taken before the first await, so it reflects every change that arrived before the request.
        if (!documents.TryGet(documentUri, out TextDocument? document))
        {
            return string.Empty;
        }

        long started = Stopwatch.GetTimestamp();
        int cursor = document.OffsetAt(position, documents.Encoding);
        FillInTheMiddleContext context = _contextBuilder.Build(document.Text, cursor);
        CancellationTokenSource lease = _supersession.Begin(documentUri, cancellationToken, out bool supersedes);
        TimeSpan debounce = invoked ? TimeSpan.Zero : _debounce.Next(documentUri, supersedes);
        if (_cache.Find(documentUri, document.Text, cursor) is { } cached)
        {
            _supersession.End(documentUri, lease);
            await ReportAsync(method, documentUri, null, CompletionOutcome.Cached, started, null, context, cached.Length, null, null);
            return cached;
        }

        RelatedFilesContext related = _relatedFiles.Build(document.LanguageId, documents.RecentlyTouched(document.LanguageId, documentUri));
        context = context with { Prefix = related.Text + context.Prefix, PrefixTokens = related.Tokens + context.PrefixTokens };

        TimeSpan? firstChunk = null;
        ModelUsage? usage = null;
        CompletionRoute? route = null;
        try
        {
            // Waiting inside the lease: a newer keystroke cancels this request before it reaches the model.
            await _debounce.WaitAsync(debounce, lease.Token);
            route = router.Route(document, context, related.DocumentUris);
            StringBuilder answer = new();
            await foreach (ModelChunk chunk in route.Provider.StreamAsync(BuildRequest(route, context), lease.Token).WithCancellation(lease.Token))
            {
                firstChunk ??= Stopwatch.GetElapsedTime(started);
                answer.Append(chunk.Text);
                usage = chunk.Usage ?? usage;

                // In single-line mode the rest of the answer would be cut anyway: stop the stream now.
                if (chunk.Done || (!context.MultiLine && chunk.Text.AsSpan().IndexOfAny(LineBreaks) >= 0))
                {
                    break;
                }
            }

            string completion = CompletionPostProcessor.Process(answer.ToString(), context);
            _cache.Store(documentUri, document.Text, cursor, completion);
            _failures.RecordSuccess();
            await ReportAsync(method, documentUri, route, completion.Length == 0 ? CompletionOutcome.Empty : CompletionOutcome.Completed, started, firstChunk, context, completion.Length, usage, null);
            return completion;
        }
        catch (Exception exception) when (lease.IsCancellationRequested)
        {
            // Whatever the provider threw while its stream was being closed, the request was cancelled.
            await ReportAsync(method, documentUri, route, CompletionOutcome.Cancelled, started, firstChunk, context, 0, usage, null);
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
            await ReportAsync(method, documentUri, route, CompletionOutcome.Failed, started, firstChunk, context, 0, usage, exception.Message);
            await ReportFailureAsync(route, exception);
            return string.Empty;
        }
        finally
        {
            _supersession.End(documentUri, lease);
        }
    }

    /// <summary>Drops what is kept for a closed document.</summary>
    public void Forget(string documentUri)
    {
        _cache.Forget(documentUri);
        _debounce.Forget(documentUri);
    }

    /// <summary>Drops every cached completion: after a configuration change they may come from a model no longer routed to.</summary>
    public void ForgetCompletions() => _cache.Clear();

    private ModelRequest BuildRequest(CompletionRoute route, FillInTheMiddleContext context) => new(route.Decision.Model)
    {
        Prompt = context.Prefix,
        Suffix = context.Suffix,
        KeepAlive = options.KeepAlive,
        Options = new GenerationOptions
        {
            MaxTokens = options.MaxOutputTokens,
            Temperature = options.Temperature,

            // Two blank lines end a block; in single-line mode the first line break ends the answer.
            Stop = context.MultiLine ? ["\n\n\n"] : ["\n"],
        },
    };

    private async Task ReportFailureAsync(CompletionRoute? route, Exception exception)
    {
        string failure = $"{exception.GetType().Name}: {exception.Message}";
        if (!_failures.ShouldReport(failure))
        {
            return;
        }

        string message = route is null
            ? $"Completion could not be routed: {exception.Message}"
            : $"Completion model {route.Decision.Model} at {route.Decision.Endpoint} failed: {exception.Message}";
        try
        {
            await client.LogMessageAsync(MessageType.Warning, message, CancellationToken.None);
        }
        catch (IOException)
        {
            // The client is gone; nobody is left to warn.
        }
    }

    private Task ReportAsync(
        string method,
        string documentUri,
        CompletionRoute? route,
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
            route?.Decision.Tier.Name() ?? "",
            route?.Decision.Model ?? "",
            route?.Decision.Endpoint ?? "",
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

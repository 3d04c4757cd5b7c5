using System.Diagnostics;
using System.Globalization;
using System.Text;
using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Budget;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Quality;
using Router.Runtime.Budget;
using Router.Runtime.Health;
using Router.Runtime.Inventory;
using Router.Runtime.Placement;

namespace Router.Runtime.Dispatch;

/// <summary>Turns a routing decision into an answer: tries the decided endpoint and then the fallback chain, skipping hosts
/// with an open circuit, a missing model or too small a context (and any cloud host for a private request); prefers a warm
/// model for completion; streams events with an explicit restart when a host fails mid-answer; and retries a weak answer
/// once, one tier up, within privacy and budget.</summary>
public sealed class RequestDispatcher
{
    /// <summary>The done reason of a completion cut by its deadline: the text is what streamed until then.</summary>
    public const string DeadlineDoneReason = "deadline";

    private readonly IModelProviderSource _providers;
    private readonly EndpointHealthTracker _health;
    private readonly IModelStatusSource? _status;
    private readonly DispatchOptions _options;
    private readonly TimeProvider _time;

    /// <param name="status">Model facts per host (present, loaded, context); null dispatches without them.</param>
    public RequestDispatcher(
        IModelProviderSource providers,
        EndpointHealthTracker health,
        IModelStatusSource? status = null,
        DispatchOptions? options = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(health);
        _providers = providers;
        _health = health;
        _status = status;
        _options = options ?? new DispatchOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Dispatches <paramref name="request"/>, reporting progress to <paramref name="onEvent"/> as it happens.</summary>
    /// <exception cref="DispatchFailedException">No endpoint answered; the message lists every attempt.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; the model stream in progress is closed.</exception>
    public async Task<DispatchResult> DispatchAsync(
        DispatchRequest request, Func<DispatchEvent, CancellationToken, ValueTask>? onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DispatchLog.Decided(_options.Logger, request);
        DateTimeOffset at = _time.GetUtcNow();
        long started = _time.GetTimestamp();
        try
        {
            DispatchResult result = await DispatchUnloggedAsync(request, onEvent, cancellationToken);
            DispatchLog.Finished(_options.Logger, request, result);
            _options.Usage?.Append(UsageBooking.Answered(request, result, at));
            return result;
        }
        catch (DispatchFailedException failure)
        {
            DispatchLog.Failed(_options.Logger, request, failure);
            _options.Usage?.Append(UsageBooking.Unanswered(request, UsageOutcome.Failed, _time.GetElapsedTime(started), at));
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            DispatchLog.Cancelled(_options.Logger, request);
            _options.Usage?.Append(UsageBooking.Unanswered(request, UsageOutcome.Cancelled, _time.GetElapsedTime(started), at));
            throw;
        }
    }

    private async Task<DispatchResult> DispatchUnloggedAsync(
        DispatchRequest request, Func<DispatchEvent, CancellationToken, ValueTask>? onEvent, CancellationToken cancellationToken)
    {
        DispatchLimits limits = DispatchLimits.For(request.Request.Kind, _options.Deadlines ?? request.Config.Deadlines, _options.ChunkIdleTimeout);
        using CancellationTokenSource overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limits.Overall is { } whole)
        {
            overall.CancelAfter(whole);
        }

        DispatchRun run = new(request, onEvent, _status, _time, limits, overall.Token);
        RouteDecision decision = request.Decision;

        AttemptAnswer first = await RunPhaseAsync(run, FirstCandidates(decision), escalation: false, cancellationToken)
            ?? throw new DispatchFailedException(
                run.DeadlinePassed
                    ? $"no endpoint answered the {request.Request.Kind.Name()} request ({decision.Tier.Name()} {decision.Model}) within its {Seconds(limits.Overall ?? TimeSpan.Zero)} deadline ({run.Attempts.Count} attempts)"
                    : $"no endpoint could answer the {request.Request.Kind.Name()} request ({decision.Tier.Name()} {decision.Model}, {run.Attempts.Count} attempts)",
                run.Attempts,
                PrivateFailureExplanation.Of(decision, run.Config, run.Attempts));
        double cost = CostOf(run, first);
        if (request.Request.Kind == RequestKind.Completion)
        {
            // Never escalated: the user is waiting with the cursor where it is.
            return Result(run, first, AnswerVerdict.Sound, null, cost);
        }

        // Tool calls are the answer: the client runs them and asks again, so there is nothing to judge (nor to take back).
        AnswerVerdict verdict = first.ToolCalls.Count > 0 ? AnswerVerdict.Sound : (request.Judge ?? _options.Judge)(Check(run, first));
        if (!verdict.IsWeak)
        {
            return Result(run, first, verdict, null, cost);
        }

        (Tier? target, List<DispatchCandidate> candidates, List<string> refusals) = ChooseEscalation(run, first.Candidate.Tier);
        string weak = $"{verdict.Reason} from {Describe(first.Candidate)}";
        if (target is not { } tier)
        {
            string why = refusals.Count == 0 ? "no tier above it" : string.Join("; ", refusals);
            DispatchEscalation none = new(
                first.Candidate.Tier, first.Candidate.Model, first.Candidate.Endpoint, verdict, null, null, null, null, false, $"{weak}; not escalated: {why}");
            return Result(run, first, verdict, none, cost);
        }

        DispatchCandidate head = candidates[0];
        string retry = $"answer judged weak ({verdict.Reason}); asking {tier.Name()} ({head.Model})";
        await run.EmitAsync(new DispatchEvent(DispatchEventKind.Escalation, run.NextAttempt, tier, head.Model, head.Endpoint, retry), cancellationToken);
        AttemptAnswer? second = await RunPhaseAsync(run, candidates, escalation: true, cancellationToken);
        if (second is null)
        {
            DispatchEscalation failed = new(
                first.Candidate.Tier, first.Candidate.Model, first.Candidate.Endpoint, verdict, tier, head.Model, null, null, false,
                $"{weak}; the retry on {tier.Name()} {head.Model} failed on every endpoint, the first answer is kept");
            return Result(run, first, verdict, failed, cost);
        }

        cost += CostOf(run, second);
        AnswerVerdict secondVerdict = (request.Judge ?? _options.Judge)(Check(run, second));

        // The escalated answer is the better one unless it came back empty where the first had something.
        bool useSecond = !(string.IsNullOrWhiteSpace(second.Text) && !string.IsNullOrWhiteSpace(first.Text));
        string outcome = secondVerdict.IsWeak
            ? $"weak too ({secondVerdict.Reason}), not retried again; the {(useSecond ? "escalated" : "first")} answer is kept"
            : secondVerdict.Reason;
        DispatchEscalation escalated = new(
            first.Candidate.Tier, first.Candidate.Model, first.Candidate.Endpoint, verdict,
            tier, second.Candidate.Model, second.Candidate.Endpoint, secondVerdict, useSecond,
            $"{weak}; retried on {Describe(second.Candidate)}: {outcome}");
        return useSecond ? Result(run, second, secondVerdict, escalated, cost) : Result(run, first, verdict, escalated, cost);
    }

    private static List<DispatchCandidate> FirstCandidates(RouteDecision decision)
    {
        List<DispatchCandidate> candidates = [new DispatchCandidate(decision.Tier, decision.Model, decision.Endpoint)];
        foreach (FallbackStep step in decision.FallbackChain)
        {
            if (!candidates.Any(c => c.Tier == step.Tier && string.Equals(c.Endpoint, step.Endpoint, StringComparison.Ordinal)))
            {
                candidates.Add(new DispatchCandidate(step.Tier, step.Model, step.Endpoint));
            }
        }

        return candidates;
    }

    /// <summary>Tries the candidates in order until one answers completely; null when none did (every attempt is recorded).</summary>
    private async Task<AttemptAnswer?> RunPhaseAsync(DispatchRun run, List<DispatchCandidate> candidates, bool escalation, CancellationToken cancellationToken)
    {
        List<DispatchCandidate> ordered = run.Request.Kind == RequestKind.Completion
            ? await PreferWarmAsync(run, candidates, cancellationToken)
            : candidates;
        string? streamedFrom = null;
        string? lostBecause = null;
        foreach (DispatchCandidate candidate in ordered)
        {
            int number = run.NextAttempt;
            if (await SkipReasonAsync(run, candidate, cancellationToken) is { } skip)
            {
                run.Attempts.Add(new DispatchAttempt(number, escalation, candidate.Tier, candidate.Model, candidate.Endpoint, DispatchAttemptOutcome.Skipped, skip.Reason, TimeSpan.Zero)
                {
                    Cause = skip.Cause,
                });
                continue;
            }

            if (run.Deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                run.DeadlinePassed = true;
                run.Attempts.Add(new DispatchAttempt(
                    number, escalation, candidate.Tier, candidate.Model, candidate.Endpoint, DispatchAttemptOutcome.Skipped,
                    $"the {run.Request.Kind.Name()} deadline ({Seconds(run.Limits.Overall ?? TimeSpan.Zero)}) had passed before its turn", TimeSpan.Zero)
                {
                    Cause = DispatchAttemptCause.DeadlineSpent,
                });
                continue;
            }

            BudgetReservation? reservation = await ReserveAsync(run, candidate, cancellationToken);
            if (reservation is { Granted: false })
            {
                run.Attempts.Add(new DispatchAttempt(
                    number, escalation, candidate.Tier, candidate.Model, candidate.Endpoint, DispatchAttemptOutcome.Skipped, "refused: " + reservation.Refusal, TimeSpan.Zero)
                {
                    Cause = DispatchAttemptCause.OverBudget,
                });
                continue;
            }

            EndpointAdmission admission = _health.TryAdmit(candidate.Endpoint);
            if (!admission.Allowed)
            {
                await SettleAsync(run, candidate, reservation, null);
                run.Attempts.Add(new DispatchAttempt(
                    number, escalation, candidate.Tier, candidate.Model, candidate.Endpoint, DispatchAttemptOutcome.Skipped, "skipped: " + admission.Reason, TimeSpan.Zero));
                continue;
            }

            if (streamedFrom is not null)
            {
                string restart = $"connection lost to {streamedFrom} ({lostBecause}), retrying on {candidate.Endpoint}";
                await run.EmitAsync(new DispatchEvent(DispatchEventKind.Restart, number, candidate.Tier, candidate.Model, candidate.Endpoint, restart), cancellationToken);
                streamedFrom = null;
            }

            await run.EmitAsync(
                new DispatchEvent(DispatchEventKind.Started, number, candidate.Tier, candidate.Model, candidate.Endpoint, $"asking {candidate.Model} on {candidate.Endpoint}"),
                cancellationToken);
            // "Loading" is said only once the host shows the load (see AwaitFirstChunkAsync), not because a model was cold.
            ModelStatus status = await run.StatusAsync(candidate.Endpoint, candidate.Model, cancellationToken);
            TimeSpan started = run.Elapsed;
            AttemptAnswer? answer = null;
            AttemptFailure? failure;
            bool streamed;
            try
            {
                (answer, failure, streamed) = await StreamAttemptAsync(run, number, candidate, status, cancellationToken);
            }
            finally
            {
                await SettleAsync(run, candidate, reservation, answer);
            }

            if (answer is not null)
            {
                _health.ReportSuccess(candidate.Endpoint);
                run.Attempts.Add(new DispatchAttempt(
                    number, escalation, candidate.Tier, candidate.Model, candidate.Endpoint, DispatchAttemptOutcome.Answered, answer.DoneReason ?? "answered", run.Elapsed - started));
                return answer;
            }

            AttemptFailure failed = failure!;
            if (failed.Health is { } kind)
            {
                _health.ReportFailure(candidate.Endpoint, kind, failed.Reason);
                if (failed.RetryAfter is { } wait)
                {
                    // The host said when to come back: until then every request skips it, not only after a run of failures.
                    _health.HoldOpen(candidate.Endpoint, wait, failed.Reason);
                }
            }
            else
            {
                // Nothing learned about the host (e.g. the model is missing there): a trial slot is freed, not spent.
                _health.ReportAbandoned(candidate.Endpoint);
            }

            run.Attempts.Add(new DispatchAttempt(
                number, escalation, candidate.Tier, candidate.Model, candidate.Endpoint, DispatchAttemptOutcome.Failed, failed.Reason, run.Elapsed - started)
            {
                Cause = failed.Cause,
            });
            if (streamed)
            {
                if (!run.RetriesAfterText)
                {
                    // The caller has sent this host's text on: no other host may be asked to go on from it.
                    return null;
                }

                streamedFrom = candidate.Endpoint;
                lostBecause = failed.Health switch
                {
                    EndpointFailureKind.Timeout => "stalled",
                    EndpointFailureKind.StreamCut => "stream cut",
                    EndpointFailureKind.Unreachable => "connection closed",
                    _ => "server error",
                };
            }
        }

        return null;
    }

    /// <summary>One attempt on one endpoint: the answer, or why it failed and whether text had reached the caller.</summary>
    private async Task<(AttemptAnswer? Answer, AttemptFailure? Failure, bool Streamed)> StreamAttemptAsync(
        DispatchRun run, int number, DispatchCandidate candidate, ModelStatus status, CancellationToken cancellationToken)
    {
        EndpointConfig endpoint = run.Config.Endpoints[candidate.Endpoint];
        DispatchLimits limits = run.Limits;

        // Linked to the request's overall deadline. Until the first chunk AwaitFirstChunkAsync decides when to give up (this is
        // only a backstop behind it), then the idle limit between chunks.
        using CancellationTokenSource attempt = CancellationTokenSource.CreateLinkedTokenSource(run.Deadline);
        attempt.CancelAfter(limits.Load + TimeSpan.FromSeconds(1));
        StringBuilder text = new();
        TimeSpan? firstText = null;
        int chunks = 0;
        FirstChunkWait wait = new(false, null);
        IAsyncEnumerator<ModelChunk>? stream = null;
        Task<bool>? pending = null;

        // Set while the caller's event sink runs, so its exceptions are never mistaken for the host's.
        bool inCallback = false;
        try
        {
            IModelProvider provider = _providers.ProviderFor(endpoint);
            ModelRequest modelRequest = run.Build(candidate.Model);

            // No insert there (or router.yaml says template): the model's own FIM tokens in a raw prompt do what the server's
            // suffix would. An OpenAI-compatible endpoint picks its own mode in its provider.
            bool template = endpoint.FillInTheMiddle == FillInTheMiddleMode.Template || status.SupportsInsert == false;
            if (run.FillsTheMiddle && endpoint.Provider == ProviderKind.Ollama && template && run.BuildRaw(candidate.Model) is { } raw)
            {
                modelRequest = raw;
            }
            else if (run.FillsTheMiddle && endpoint.Provider == ProviderKind.Ollama && endpoint.FillInTheMiddle == FillInTheMiddleMode.None)
            {
                modelRequest = modelRequest with { Suffix = null };
            }

            if (endpoint.Provider == ProviderKind.Ollama)
            {
                modelRequest = Placed(modelRequest, candidate);
            }

            stream = provider.StreamAsync(modelRequest, attempt.Token).GetAsyncEnumerator(attempt.Token);
            pending = stream.MoveNextAsync().AsTask();
            inCallback = true;
            wait = await AwaitFirstChunkAsync(run, number, candidate, status, pending, attempt, cancellationToken);
            inCallback = false;
            bool more = await pending;
            pending = null;
            while (more)
            {
                ModelChunk chunk = stream.Current;
                chunks++;
                attempt.CancelAfter(limits.Idle);
                if (chunk.Text.Length > 0)
                {
                    text.Append(chunk.Text);
                    firstText ??= run.Elapsed;
                    inCallback = true;
                    await run.EmitAsync(new DispatchEvent(DispatchEventKind.Text, number, candidate.Tier, candidate.Model, candidate.Endpoint, chunk.Text), cancellationToken);
                    inCallback = false;
                }

                if (chunk.Done)
                {
                    if (chunk.Usage is { } usage && endpoint.Provider == ProviderKind.Ollama)
                    {
                        _options.Placement?.Loads.NoteLoad(candidate.Endpoint, candidate.Model, status.SizeBytes, usage.LoadDuration);
                    }

                    if (chunk.ToolCalls.Count > 0)
                    {
                        inCallback = true;
                        await run.EmitAsync(
                            new DispatchEvent(DispatchEventKind.ToolCalls, number, candidate.Tier, candidate.Model, candidate.Endpoint, $"{candidate.Model} calls {string.Join(", ", chunk.ToolCalls.Select(c => c.Name))}")
                            {
                                ToolCalls = chunk.ToolCalls,
                            },
                            cancellationToken);
                        inCallback = false;
                    }

                    return (new AttemptAnswer(candidate, text.ToString(), chunk.DoneReason, chunk.Usage, firstText, run.Elapsed) { ToolCalls = chunk.ToolCalls }, null, false);
                }

                pending = stream.MoveNextAsync().AsTask();
                more = await pending;
                pending = null;
            }

            return (null, new AttemptFailure($"the stream ended after {chunks} chunks without its final chunk", EndpointFailureKind.StreamCut), firstText is not null);
        }
        catch (OperationCanceledException) when (!inCallback && !cancellationToken.IsCancellationRequested)
        {
            return TimedOut(run, candidate, text, firstText, chunks, wait);
        }
        catch (OperationCanceledException) when (!inCallback)
        {
            // The caller's cancel: no verdict on the host; a half-open trial slot goes back for the next request.
            _health.ReportAbandoned(candidate.Endpoint);
            throw;
        }
        catch (ProviderException e) when (!inCallback)
        {
            return (null, FromProvider(e, candidate, endpoint), firstText is not null);
        }
        catch (HttpRequestException e) when (!inCallback)
        {
            return (null, new AttemptFailure($"cannot reach {candidate.Endpoint}: {e.Message}", EndpointFailureKind.Unreachable), firstText is not null);
        }
        catch (IOException e) when (!inCallback)
        {
            return (null, new AttemptFailure($"connection to {candidate.Endpoint} broke: {e.Message}", EndpointFailureKind.Unreachable), firstText is not null);
        }
        catch (EndpointUnavailableException e) when (!inCallback)
        {
            return (null, new AttemptFailure(e.Message, null), false);
        }
#pragma warning disable CA1031 // A provider's bug must cost one attempt, never the request: the next host is tried.
        catch (Exception e) when (!inCallback)
#pragma warning restore CA1031
        {
            string message = e.Message.Length <= 200 ? e.Message : e.Message[..200] + "…";
            return (null, new AttemptFailure($"{candidate.Endpoint} failed unexpectedly ({e.GetType().Name}: {message})", EndpointFailureKind.ServerError), firstText is not null);
        }
        finally
        {
            // A stream is only disposed once no read is in flight on it.
            if (pending is { IsCompleted: false })
            {
                await attempt.CancelAsync();
                await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>Waits for an attempt's first chunk. After a second, and then every <see cref="DispatchOptions.ProgressInterval"/>,
    /// it tells the caller what is going on, and asks the host whether it is loading the model (a model absent from memory
    /// before the request and present now); a load extends the wait to the load deadline. When the wait is over it cancels
    /// the attempt and says why. Only the caller's event sink can throw here.</summary>
    private async Task<FirstChunkWait> AwaitFirstChunkAsync(
        DispatchRun run, int number, DispatchCandidate candidate, ModelStatus status, Task<bool> next, CancellationTokenSource attempt, CancellationToken cancellationToken)
    {
        DispatchLimits limits = run.Limits;
        bool loadExpected = status is { Present: true, Loaded: false };
        bool completion = run.Request.Kind == RequestKind.Completion;
        long started = Stopwatch.GetTimestamp();
        TimeSpan report = completion ? limits.FirstToken / 2 : Min(TimeSpan.FromSeconds(1), _options.ProgressInterval);
        bool loading = false;
        if (loadExpected && status.SizeBytes is { } bytes && _options.Placement is { } placement && run.Config.Endpoints[candidate.Endpoint].Provider == ProviderKind.Ollama)
        {
            // Said before the wait, since the host's /api/ps has just shown the model is not in memory; "loading" itself is
            // said only once the host shows the load (below): a host that lists the model may still never answer.
            TimeSpan predicted = placement.Loads.Predict(candidate.Endpoint, bytes);
            placement.Loads.NotePrediction(candidate.Endpoint, candidate.Model, predicted);
            string about = string.Create(CultureInfo.InvariantCulture, $"cold start: {candidate.Model} on {candidate.Endpoint} takes about {Math.Max(1, Math.Round(predicted.TotalSeconds)):0} s to load");
            await run.EmitAsync(new DispatchEvent(DispatchEventKind.Progress, number, candidate.Tier, candidate.Model, candidate.Endpoint, about), cancellationToken);
        }

        while (!next.IsCompleted)
        {
            TimeSpan waited = Stopwatch.GetElapsedTime(started);
            TimeSpan limit = loading ? limits.Load : limits.FirstToken;
            if (waited >= limit)
            {
                string why = loading
                    ? $"timeout: {candidate.Model} was still loading after {Seconds(limit)}"
                    : $"timeout: no answer within {Seconds(limit)}";
                await attempt.CancelAsync();
                return new FirstChunkWait(loading, why);
            }

            using (CancellationTokenSource tick = CancellationTokenSource.CreateLinkedTokenSource(attempt.Token))
            {
                await Task.WhenAny(next, Task.Delay(Max(Min(limit, report) - waited, TimeSpan.Zero), tick.Token));
                await tick.CancelAsync();
            }

            if (next.IsCompleted || attempt.IsCancellationRequested || Stopwatch.GetElapsedTime(started) < report)
            {
                continue;
            }

            if (loadExpected && !loading)
            {
                // Bounded by the wait that is left, and dropped as soon as the first chunk arrives.
                using CancellationTokenSource ask = CancellationTokenSource.CreateLinkedTokenSource(attempt.Token);
                ask.CancelAfter(Max(limits.Load - Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(1)));
                Task<bool?> inMemory = run.InMemoryNowAsync(candidate.Endpoint, candidate.Model, ask.Token).AsTask();
                if (await Task.WhenAny(next, inMemory) == inMemory)
                {
                    loading = await inMemory == true;
                }
                else
                {
                    await ask.CancelAsync();
                    await ((Task)inMemory).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            TimeSpan now = Stopwatch.GetElapsedTime(started);
            report = now + _options.ProgressInterval;
            if (next.IsCompleted || (completion && !loading))
            {
                // An inline completion is too short-lived for "still waiting" notices; a real load is worth saying.
                continue;
            }

            string waitedFor = string.Create(CultureInfo.InvariantCulture, $"{(int)now.TotalSeconds} s");
            string said = loading
                ? $"loading {candidate.Model} on {candidate.Endpoint}… ({waitedFor})"
                : $"waiting for {candidate.Model} on {candidate.Endpoint}: no answer after {waitedFor} (gives up at {Seconds(limits.FirstToken)})";
            await run.EmitAsync(new DispatchEvent(DispatchEventKind.Progress, number, candidate.Tier, candidate.Model, candidate.Endpoint, said), cancellationToken);
        }

        return new FirstChunkWait(loading, null);
    }

    /// <summary>The attempt's time ran out: the request's overall deadline, or the host stalled (no first chunk, or silence
    /// between chunks). A stall is a failure of the host (its circuit opens at once); a host that was loading the model or
    /// still streaming when the overall deadline passed gets no verdict. A completion keeps what streamed so far.</summary>
    private static (AttemptAnswer? Answer, AttemptFailure? Failure, bool Streamed) TimedOut(
        DispatchRun run, DispatchCandidate candidate, StringBuilder text, TimeSpan? firstText, int chunks, FirstChunkWait wait)
    {
        bool streamed = firstText is not null;
        if (run.Deadline.IsCancellationRequested && wait.StallReason is null)
        {
            run.DeadlinePassed = true;
            string deadline = $"the {run.Request.Kind.Name()} deadline ({Seconds(run.Limits.Overall ?? TimeSpan.Zero)}) passed";
            if (run.Request.Kind == RequestKind.Completion && streamed)
            {
                return (new AttemptAnswer(candidate, text.ToString(), DeadlineDoneReason, null, firstText, run.Elapsed), null, false);
            }

            EndpointFailureKind? verdict = chunks > 0 || wait.Loading ? null : EndpointFailureKind.Timeout;
            string state = chunks > 0 ? $"after {chunks} chunks" : wait.Loading ? $"while {candidate.Model} was loading" : "before any answer";
            return (null, new AttemptFailure($"timeout: {deadline} {state}", verdict), streamed);
        }

        if (wait.StallReason is { } stalled)
        {
            // Still loading at the load deadline is a host too slow for this request, not a broken one.
            return (null, new AttemptFailure(stalled, wait.Loading ? null : EndpointFailureKind.Timeout), streamed);
        }

        return chunks == 0
            ? (null, new AttemptFailure($"timeout: no answer within {Seconds(wait.Loading ? run.Limits.Load : run.Limits.FirstToken)}", EndpointFailureKind.Timeout), streamed)
            : (null, new AttemptFailure($"timeout: stalled, nothing for {Seconds(run.Limits.Idle)} after {chunks} chunks", EndpointFailureKind.Timeout), streamed);
    }

    /// <summary>The plan's keep_alive and context for this model on this host, the same on every request so Ollama never
    /// reloads it for different options; unchanged when the plan does not cover the host.</summary>
    private ModelRequest Placed(ModelRequest request, DispatchCandidate candidate)
    {
        if (_options.Placement?.Plan is not { } plan || plan.KeepAliveFor(candidate.Endpoint, candidate.Model) is not { } keepAlive)
        {
            return request;
        }

        return request with
        {
            KeepAlive = keepAlive,
            Options = request.Options with { ContextTokens = plan.ContextFor(candidate.Endpoint, candidate.Model) ?? request.Options.ContextTokens },
        };
    }

    private static AttemptFailure FromProvider(ProviderException e, DispatchCandidate candidate, EndpointConfig endpoint) => e.Kind switch
    {
        ProviderErrorKind.Unreachable => new(e.Message, EndpointFailureKind.Unreachable),
        ProviderErrorKind.Timeout => new(e.Message, EndpointFailureKind.Timeout),
        ProviderErrorKind.StreamCut => new(e.Message, EndpointFailureKind.StreamCut),
        ProviderErrorKind.ServerError or ProviderErrorKind.BadResponse or ProviderErrorKind.RateLimited =>
            new(ServerReason(e.Message), EndpointFailureKind.ServerError) { RetryAfter = e.RetryAfter },
        ProviderErrorKind.ModelNotFound when endpoint.Provider == ProviderKind.Ollama => new($"model missing — ollama pull {candidate.Model} ({e.Message})", null, DispatchAttemptCause.ModelMissing),
        ProviderErrorKind.ModelNotFound => new($"model {candidate.Model} not served there ({e.Message})", null, DispatchAttemptCause.ModelMissing),
        _ => new(e.Message, null),
    };

    private static string ServerReason(string message) =>
        message.Contains("out of memory", StringComparison.OrdinalIgnoreCase) ? "out of memory: " + message : message;

    /// <summary>Why a candidate is not worth contacting, from what is known before any request; null when it may be tried.</summary>
    private async ValueTask<(string Reason, DispatchAttemptCause Cause)?> SkipReasonAsync(DispatchRun run, DispatchCandidate candidate, CancellationToken cancellationToken)
    {
        if (!run.Config.Endpoints.TryGetValue(candidate.Endpoint, out EndpointConfig? endpoint))
        {
            return ("skipped: endpoint not in the configuration", DispatchAttemptCause.Other);
        }

        // Defence in depth: the policy already removes cloud endpoints from a private decision.
        if (run.Decision.LocalOnly && endpoint.Cloud)
        {
            return ("refused: a private request is never sent to a cloud endpoint", DispatchAttemptCause.NotAllowed);
        }

        if (run.AllowedTiers is { } allowed && !allowed.Contains(candidate.Tier))
        {
            return ($"refused: the caller may not use the {candidate.Tier.Name()} tier", DispatchAttemptCause.NotAllowed);
        }

        // Before asking the host anything: a host that just stalled would make the lookup wait too.
        if (_health.Peek(candidate.Endpoint) is { Allowed: false } refused)
        {
            return ("skipped: " + refused.Reason, DispatchAttemptCause.Other);
        }

        ModelStatus status = await run.StatusAsync(candidate.Endpoint, candidate.Model, cancellationToken);
        if (status.Present == false)
        {
            return (endpoint.Provider == ProviderKind.Ollama
                ? $"skipped: model missing — ollama pull {candidate.Model}"
                : $"skipped: model {candidate.Model} is not served there", DispatchAttemptCause.ModelMissing);
        }

        if (run.FillsTheMiddle && status.SupportsInsert == false && run.BuildRaw(candidate.Model) is null)
        {
            return ($"skipped: {candidate.Model} cannot fill in the middle there (no insert capability)", DispatchAttemptCause.Other);
        }

        int needed = run.Decision.EstimatedPromptTokens + (run.Request.Kind == RequestKind.Completion ? 0 : run.Config.Budget.OutputReserveTokens);
        if (status.ContextTokens is { } context && needed > context)
        {
            return ($"skipped: context too small ({needed} tokens needed, {candidate.Model} there has {context})", DispatchAttemptCause.Other);
        }

        return null;
    }

    /// <summary>Within each tier, hosts with the model loaded first, then unknown, then cold (a stable reorder); hosts with an
    /// open circuit are not asked.</summary>
    private async ValueTask<List<DispatchCandidate>> PreferWarmAsync(DispatchRun run, List<DispatchCandidate> candidates, CancellationToken cancellationToken)
    {
        List<(DispatchCandidate Candidate, int Group, int Warmth, int Index)> ranked = [];
        int group = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            if (i > 0 && candidates[i].Tier != candidates[i - 1].Tier)
            {
                group++;
            }

            ModelStatus status = _health.Peek(candidates[i].Endpoint).Allowed
                ? await run.StatusAsync(candidates[i].Endpoint, candidates[i].Model, cancellationToken)
                : ModelStatus.Unknown;
            int warmth = status.Loaded switch
            {
                true => 0,
                null => 1,
                false => 2,
            };
            ranked.Add((candidates[i], group, warmth, i));
        }

        return ranked.OrderBy(r => r.Group).ThenBy(r => r.Warmth).ThenBy(r => r.Index).Select(r => r.Candidate).ToList();
    }

    /// <summary>The first tier of the escalation path that privacy and budget allow, with its local-or-allowed endpoints.</summary>
    private (Tier? Tier, List<DispatchCandidate> Candidates, List<string> Refusals) ChooseEscalation(DispatchRun run, Tier answered)
    {
        List<string> refusals = [];
        RouterConfig config = run.Config;
        bool localOnly = run.Decision.LocalOnly;
        foreach (Tier tier in run.Decision.EscalationPath)
        {
            // A fallback may already have landed on a tier of the path: asking it again is no escalation.
            if (tier == answered)
            {
                refusals.Add($"{tier.Name()} already gave the weak answer");
                continue;
            }

            if (!config.IsConfigured(tier) || !config.Tiers.TryGetValue(tier, out TierConfig? tierConfig))
            {
                refusals.Add($"{tier.Name()} is not configured");
                continue;
            }

            if (localOnly && tier == Tier.Frontier)
            {
                refusals.Add("frontier: the request is private");
                continue;
            }

            List<EndpointConfig> endpoints = config.EscalationEndpointsOf(tier, localOnly).ToList();
            if (endpoints.Count == 0 && config.EndpointsOf(tier, localOnly).Any())
            {
                refusals.Add($"{tier.Name()}: dearer than the budget lets an escalation pay ({config.Budget.EscalationBilling?.Name()} at most)");
                continue;
            }

            if (endpoints.Count == 0)
            {
                refusals.Add($"{tier.Name()}: no local endpoint for a private request");
                continue;
            }

            if (tier == Tier.Frontier || endpoints.Any(e => e.Cloud))
            {
                double spent = _options.SpentTodayUsd();
                double estimate = ((run.Decision.EstimatedPromptTokens * tierConfig.UsdPerMillionInput)
                    + (config.Budget.OutputReserveTokens * tierConfig.UsdPerMillionOutput)) / 1_000_000;
                if (spent >= config.Budget.DailyUsd || spent + estimate > config.Budget.DailyUsd)
                {
                    refusals.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{tier.Name()}: over the daily budget (${spent:0.00} spent, ~${estimate:0.00} more, ${config.Budget.DailyUsd:0.00} a day)"));
                    continue;
                }
            }

            return (tier, endpoints.Select(e => new DispatchCandidate(tier, tierConfig.Model, e.Name)).ToList(), refusals);
        }

        return (null, [], refusals);
    }

    /// <summary>Reserves a priced cloud attempt's estimated cost (its prompt, and the answer's reserve of tokens) in the
    /// budget shared by every process; null when nothing needs reserving.</summary>
    private async ValueTask<BudgetReservation?> ReserveAsync(DispatchRun run, DispatchCandidate candidate, CancellationToken cancellationToken)
    {
        if (_options.Budget is not { } budget
            || !run.Config.Endpoints.TryGetValue(candidate.Endpoint, out EndpointConfig? endpoint)
            || !endpoint.Cloud
            || !run.Config.Tiers.TryGetValue(candidate.Tier, out TierConfig? tier)
            || (tier.UsdPerMillionInput <= 0 && tier.UsdPerMillionOutput <= 0))
        {
            return null;
        }

        int output = run.Request.Kind == RequestKind.Completion ? 0 : run.Config.Budget.OutputReserveTokens;
        decimal estimate = (decimal)CloudCost.Usd(tier, run.Decision.EstimatedPromptTokens, output);
        return await budget.ReserveAsync(new BudgetClaim(candidate.Endpoint, candidate.Tier, estimate, run.Config.Budget, run.BudgetScope), cancellationToken);
    }

    /// <summary>Settles a reservation with what the attempt really cost (nothing when it gave no answer).</summary>
    private async ValueTask SettleAsync(DispatchRun run, DispatchCandidate candidate, BudgetReservation? reservation, AttemptAnswer? answer)
    {
        if (_options.Budget is { } budget && reservation is { Granted: true })
        {
            decimal cost = answer is null ? 0 : (decimal)CostOf(run, answer);
            await budget.SettleAsync(reservation, cost, CancellationToken.None);
        }
    }

    private static AnswerCheck Check(DispatchRun run, AttemptAnswer answer) =>
        new(run.Request.Kind, run.Request.Language, run.Request.Text ?? run.Request.Prefix ?? "", answer.Text, answer.DoneReason);

    private static double CostOf(DispatchRun run, AttemptAnswer answer)
    {
        if (answer.Usage is not { } usage
            || !run.Config.Endpoints.TryGetValue(answer.Candidate.Endpoint, out EndpointConfig? endpoint)
            || !endpoint.Cloud
            || !run.Config.Tiers.TryGetValue(answer.Candidate.Tier, out TierConfig? tier))
        {
            return 0;
        }

        return ((usage.PromptTokens * tier.UsdPerMillionInput) + (usage.OutputTokens * tier.UsdPerMillionOutput)) / 1_000_000;
    }

    private static DispatchResult Result(DispatchRun run, AttemptAnswer answer, AnswerVerdict verdict, DispatchEscalation? escalation, double cost) => new(
        answer.Text,
        answer.Candidate.Tier,
        answer.Candidate.Model,
        answer.Candidate.Endpoint,
        run.Decision.Tier,
        answer.DoneReason,
        answer.Usage,
        answer.EndedAt,
        answer.FirstTextAt,
        run.Attempts.ToList(),
        escalation,
        verdict,
        cost)
    {
        ToolCalls = answer.ToolCalls,
    };

    private static string Describe(DispatchCandidate candidate) => $"{candidate.Tier.Name()} {candidate.Model} on {candidate.Endpoint}";

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

using System.Diagnostics;
using System.Net;
using System.Text;
using Router.Backends.Endpoints;
using Router.Backends.Ollama;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Redaction;
using Router.Core.Requests;
using Router.Runtime.Inventory;
using Router.Runtime.Placement;

namespace Router.Cli.Benchmarking;

/// <summary>Runs `router bench`: for each tier's task shapes on each of its endpoints, N measured requests (and a repeat
/// of each for the prompt cache), cold loads after unloading when asked, and the infill probe on completion routes.
/// Ollama hosts report their own load, prompt and generation timings; other hosts are measured by wall clock only.</summary>
internal sealed class BenchRunner(
    RouterConfig config,
    BenchInvocation invocation,
    HttpClient http,
    ModelProviderPool pool,
    BenchPromptBuilder prompts,
    IReadOnlyList<FimTask> fimTasks)
{
    /// <summary>Tokens the infill probe lets a model write: enough for one line of code.</summary>
    public const int FimOutputTokens = 48;

    /// <summary>A completion route whose cold load takes longer than this should stay loaded: a user typing will not wait it.</summary>
    public static readonly TimeSpan CompletionColdLoadLimit = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan UnloadWait = TimeSpan.FromSeconds(30);

    private readonly List<string> _notes = [];

    public async Task<BenchReport> RunAsync(string runId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        List<BenchRoutePlan> planned = Plan();
        List<HostFingerprint> hosts = [];
        List<RouteBench> routes = [];
        foreach (IGrouping<string, BenchRoutePlan> endpoint in planned.GroupBy(p => p.Endpoint.Name, StringComparer.Ordinal))
        {
            EndpointConfig ep = endpoint.First().Endpoint;
            if (ep.Cloud && !endpoint.Any(p => p.Named))
            {
                string why = $"cloud endpoint {ep.Name} skipped: each request costs money; name its tier in --tiers to bench it";
                _notes.Add(why);
                routes.AddRange(endpoint.Select(p => Route(p, RouteBench.Skipped, why)));
                continue;
            }

            (HostFingerprint host, IReadOnlyList<RouteBench> measured) = ep.Provider == ProviderKind.Ollama && !ep.Cloud && ep.Url is not null
                ? await OllamaHostAsync(ep, [.. endpoint], runId, cancellationToken)
                : await WallClockHostAsync(ep, [.. endpoint], runId, cancellationToken);
            hosts.Add(host);
            routes.AddRange(measured);
        }

        return new BenchReport(runId, startedAt, config.Source, invocation.Repetitions, invocation.Cold, null, hosts, routes, _notes);
    }

    private List<BenchRoutePlan> Plan()
    {
        bool named = invocation.Tiers is not null;
        List<BenchRoutePlan> planned = [];
        foreach (Tier tier in invocation.Tiers ?? TierNames.All)
        {
            if (!config.Tiers.TryGetValue(tier, out TierConfig? tierConfig))
            {
                if (named)
                {
                    _notes.Add($"tier {tier.Name()} is not in {config.Source}: nothing to bench");
                }

                continue;
            }

            foreach (string name in tierConfig.Endpoints)
            {
                if (!config.Endpoints.TryGetValue(name, out EndpointConfig? endpoint))
                {
                    _notes.Add($"tier {tier.Name()} names endpoint {name}, which {config.Source} does not define");
                    continue;
                }

                planned.AddRange(BenchTaskShape.ForTier(tier).Select(shape => new BenchRoutePlan(tier, shape, endpoint, tierConfig.Model, named)));
            }
        }

        return planned;
    }

    private async Task<(HostFingerprint, IReadOnlyList<RouteBench>)> OllamaHostAsync(
        EndpointConfig endpoint, IReadOnlyList<BenchRoutePlan> plans, string runId, CancellationToken cancellationToken)
    {
        using OllamaProvider host = new(endpoint.Name, endpoint.Url!, http);
        string? version;
        List<ModelFingerprint> pulled;
        try
        {
            using CancellationTokenSource limit = Limit(cancellationToken);
            version = await host.GetVersionAsync(limit.Token);
            pulled = [.. (await host.ListModelsAsync(limit.Token)).Select(m => new ModelFingerprint(
                m.Name, m.Digest, m.Details?.Family, m.Details?.ParameterSize, m.Details?.QuantizationLevel, m.Size, null, null, null))];
        }
        catch (Exception e) when (IsHostFailure(e, cancellationToken))
        {
            string problem = $"{endpoint.Name}: {Describe(e)} — start Ollama there (`ollama serve`) or check its url in router.yaml";
            return (new HostFingerprint(endpoint.Name, HostName(endpoint), "ollama", endpoint.Cloud, true, null, [], problem),
                [.. plans.Select(p => Route(p, RouteBench.Failed, problem))]);
        }

        List<RouteBench> routes = [];
        List<ModelFingerprint> models = [];
        foreach (IGrouping<string, BenchRoutePlan> model in plans.GroupBy(p => p.Model, StringComparer.Ordinal))
        {
            ModelFingerprint? present = pulled.FirstOrDefault(m => OllamaModelName.SameModel(m.Name, model.Key));
            if (present is null)
            {
                string missing = $"{model.Key} is not on {endpoint.Name}: run `ollama pull {model.Key}` there";
                routes.AddRange(model.Select(p => Route(p, RouteBench.Failed, missing)));
                models.Add(new ModelFingerprint(model.Key, null, null, null, null, null, null, null, null));
                continue;
            }

            bool? canFim = null;
            try
            {
                using (CancellationTokenSource limit = Limit(cancellationToken))
                {
                    canFim = OllamaModelFacts.HasCapability(await host.ShowAsync(present.Name, limit.Token), "insert");
                }

                routes.AddRange(await OllamaModelAsync(host, endpoint, present.Name, present.SizeBytes ?? 0, canFim.Value, [.. model], runId, cancellationToken));
            }
            catch (Exception e) when (IsHostFailure(e, cancellationToken))
            {
                string problem = $"{model.Key} on {endpoint.Name}: {Describe(e)}";
                routes.AddRange(model.Select(p => Route(p, RouteBench.Failed, problem)));
            }

            (long? loaded, long? vram) = await LoadedSizeAsync(host, present.Name, cancellationToken);
            models.Add(present with { LoadedBytes = loaded, VramBytes = vram, CanFillInTheMiddle = canFim });
        }

        return (new HostFingerprint(endpoint.Name, HostName(endpoint), "ollama", endpoint.Cloud, true, version, models, null), routes);
    }

    private async Task<IReadOnlyList<RouteBench>> OllamaModelAsync(
        OllamaProvider host,
        EndpointConfig endpoint,
        string model,
        long size,
        bool canFim,
        IReadOnlyList<BenchRoutePlan> plans,
        string runId,
        CancellationToken cancellationToken)
    {
        // The same num_ctx on every request: a different one makes Ollama load the model again.
        int context = PlacementProbe.ContextFor(config, endpoint.Name, model);
        BenchRoutePlan[] runnable = [.. plans.Where(p => p.Shape.Kind != RequestKind.Completion || canFim)];
        List<RouteBench> routes = [.. plans.Except(runnable).Select(p => Route(
            p, RouteBench.Skipped, $"{model} cannot fill in the middle (no \"insert\" capability on {endpoint.Name}): it cannot serve completions"))];
        if (runnable.Length == 0)
        {
            return routes;
        }

        List<double> coldLoads = [];
        List<double> coldFirstTokens = [];
        if (invocation.Cold)
        {
            for (int rep = 0; rep < invocation.Repetitions; rep++)
            {
                await UnloadAsync(host, model, context, cancellationToken);
                BenchSample cold = await MeasureAsync(host, Request(model, runnable[0].Shape, runId, $"cold{rep}", context), cancellationToken);
                coldLoads.Add((cold.Usage?.LoadDuration ?? TimeSpan.Zero).TotalMilliseconds);
                coldFirstTokens.Add(cold.FirstToken.TotalMilliseconds);
            }
        }

        // Loaded before the warm repetitions, so that none of them waits for a load.
        await MeasureAsync(host, Request(model, runnable[0].Shape, runId, "warmup", context) with { Options = new GenerationOptions { MaxTokens = 1, ContextTokens = context } }, cancellationToken);
        MetricSpread? coldLoad = MetricSpread.Of(coldLoads);
        MetricSpread? coldFirstToken = MetricSpread.Of(coldFirstTokens);
        double? predicted = invocation.Cold ? null : LoadTimePredictor.Predict(size).TotalMilliseconds;
        Dictionary<RequestKind, RouteBench> byKind = [];
        foreach (BenchRoutePlan plan in runnable)
        {
            if (byKind.TryGetValue(plan.Shape.Kind, out RouteBench? done))
            {
                routes.Add(done with { Tier = plan.Tier.Name() });
                continue;
            }

            List<BenchSample> samples = [];
            List<double> hits = [];
            for (int rep = 0; rep < invocation.Repetitions; rep++)
            {
                ModelRequest request = Request(model, plan.Shape, runId, rep.ToString(System.Globalization.CultureInfo.InvariantCulture), context);
                BenchSample sample = await MeasureAsync(host, request, cancellationToken);
                samples.Add(sample);

                // The same prompt again: a host with a prompt cache evaluates only what it has not seen.
                BenchSample repeat = await MeasureAsync(host, request with { Options = request.Options with { MaxTokens = 1 } }, cancellationToken);
                if (sample.Usage is { PromptTokens: > 0 } first && repeat.Usage is { } again)
                {
                    hits.Add(Math.Clamp(1 - ((double)again.PromptTokens / first.PromptTokens), 0, 1));
                }
            }

            FimProbeResult? fim = plan.Shape.Kind == RequestKind.Completion ? await ProbeAsync(host, model, context, cancellationToken) : null;
            RouteBench route = Route(plan, RouteBench.Measured, null) with
            {
                TimeToFirstTokenMs = MetricSpread.Of([.. samples.Select(s => s.FirstToken.TotalMilliseconds)]),
                HostTimeToFirstTokenMs = MetricSpread.Of([.. samples.Where(s => s.Usage is not null).Select(s => (s.Usage!.LoadDuration + s.Usage.PromptEvalDuration).TotalMilliseconds)]),
                TotalMs = MetricSpread.Of([.. samples.Select(s => s.Total.TotalMilliseconds)]),
                PromptTokensPerSecond = MetricSpread.Of([.. samples.Where(s => s.Usage is { PromptEvalDuration.Ticks: > 0 }).Select(s => s.Usage!.PromptTokens / s.Usage.PromptEvalDuration.TotalSeconds)]),
                GenerationTokensPerSecond = MetricSpread.Of([.. samples.Where(s => s.Usage is { EvalDuration.Ticks: > 0 }).Select(s => s.Usage!.OutputTokens / s.Usage.EvalDuration.TotalSeconds)]),
                PromptCacheHitRate = MetricSpread.Of(hits),
                ColdLoadMs = coldLoad,
                ColdTimeToFirstTokenMs = coldFirstToken,
                PredictedColdLoadMs = predicted,
                FillInTheMiddle = fim,
            };
            route = route with { Advice = Advise(route) };
            byKind[plan.Shape.Kind] = route;
            routes.Add(route);
        }

        return routes;
    }

    private async Task<(HostFingerprint, IReadOnlyList<RouteBench>)> WallClockHostAsync(
        EndpointConfig endpoint, IReadOnlyList<BenchRoutePlan> plans, string runId, CancellationToken cancellationToken)
    {
        string api = endpoint.Provider switch
        {
            ProviderKind.OpenAi => "openai",
            ProviderKind.Anthropic => "anthropic",
            _ => "ollama",
        };
        _notes.Add($"{endpoint.Name} ({api}{(endpoint.Cloud ? ", cloud" : "")}): wall clock only; the host reports no load or prompt timings, and --cold does not apply");
        IModelProvider provider = pool.ProviderFor(endpoint);
        List<RouteBench> routes = [];
        Dictionary<(string, RequestKind), RouteBench> done = [];
        foreach (BenchRoutePlan plan in plans)
        {
            if (done.TryGetValue((plan.Model, plan.Shape.Kind), out RouteBench? same))
            {
                routes.Add(same with { Tier = plan.Tier.Name() });
                continue;
            }

            RouteBench route;
            try
            {
                List<BenchSample> samples = [];
                for (int rep = 0; rep < invocation.Repetitions; rep++)
                {
                    samples.Add(await MeasureAsync(provider, Request(plan.Model, plan.Shape, runId, rep.ToString(System.Globalization.CultureInfo.InvariantCulture), null), cancellationToken));
                }

                route = Route(plan, RouteBench.Measured, "wall clock only") with
                {
                    TimeToFirstTokenMs = MetricSpread.Of([.. samples.Select(s => s.FirstToken.TotalMilliseconds)]),
                    TotalMs = MetricSpread.Of([.. samples.Select(s => s.Total.TotalMilliseconds)]),
                    FillInTheMiddle = plan.Shape.Kind == RequestKind.Completion ? await ProbeAsync(provider, plan.Model, null, cancellationToken) : null,
                };
            }
            catch (Exception e) when (IsHostFailure(e, cancellationToken))
            {
                route = Route(plan, RouteBench.Failed, $"{endpoint.Name}: {Describe(e)}");
            }

            done[(plan.Model, plan.Shape.Kind)] = route;
            routes.Add(route);
        }

        return (new HostFingerprint(endpoint.Name, HostName(endpoint), api, endpoint.Cloud, false, null, [], null), routes);
    }

    /// <summary>Every bundled infill task once, at temperature 0: the first line written against the expected line.</summary>
    private async Task<FimProbeResult> ProbeAsync(IModelProvider provider, string model, int? context, CancellationToken cancellationToken)
    {
        int failed = 0;
        int exact = 0;
        double similarity = 0;
        foreach (FimTask task in fimTasks)
        {
            ModelRequest request = new(model)
            {
                Prompt = task.Prefix,
                Suffix = task.Suffix,
                Options = new GenerationOptions { MaxTokens = FimOutputTokens, Temperature = 0, ContextTokens = context },
            };
            try
            {
                BenchSample answer = await MeasureAsync(provider, request, cancellationToken);
                exact += NextLineScore.ExactMatch(task.Expected, answer.Text) ? 1 : 0;
                similarity += NextLineScore.EditSimilarity(task.Expected, answer.Text);
            }
            catch (Exception e) when (IsHostFailure(e, cancellationToken))
            {
                // A task that got no answer scores zero; the count says how many did.
                failed++;
            }
        }

        int count = fimTasks.Count;
        return new FimProbeResult(count, failed, count == 0 ? 0 : (double)exact / count, count == 0 ? 0 : similarity / count);
    }

    private async Task<BenchSample> MeasureAsync(IModelProvider provider, ModelRequest request, CancellationToken cancellationToken)
    {
        using CancellationTokenSource limit = Limit(cancellationToken);
        long start = Stopwatch.GetTimestamp();
        TimeSpan? first = null;
        ModelUsage? usage = null;
        StringBuilder text = new();
        await foreach (ModelChunk chunk in provider.StreamAsync(request, limit.Token))
        {
            if (first is null && (chunk.Text.Length > 0 || chunk.Done))
            {
                first = Stopwatch.GetElapsedTime(start);
            }

            text.Append(chunk.Text);
            if (chunk.Done)
            {
                usage = chunk.Usage;
            }
        }

        TimeSpan total = Stopwatch.GetElapsedTime(start);
        return new BenchSample(first ?? total, total, text.ToString(), usage);
    }

    /// <summary>Unloads the model (an empty prompt with keep_alive 0, as <c>ollama stop</c> does) and waits until
    /// <c>/api/ps</c> no longer lists it, so the next request measures a whole load.</summary>
    private async Task UnloadAsync(OllamaProvider host, string model, int context, CancellationToken cancellationToken)
    {
        using CancellationTokenSource limit = Limit(cancellationToken);
        await host.GenerateAsync(new ModelRequest(model) { Prompt = "", KeepAlive = "0", Options = new GenerationOptions { ContextTokens = context } }, limit.Token);
        long start = Stopwatch.GetTimestamp();
        while ((await host.ListRunningModelsAsync(limit.Token)).Any(m => OllamaModelName.SameModel(m.Name, model)))
        {
            if (Stopwatch.GetElapsedTime(start) > UnloadWait)
            {
                throw new TimeoutException($"{model} was still loaded {UnloadWait.TotalSeconds:0} s after keep_alive 0");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
        }
    }

    private async Task<(long? Loaded, long? Vram)> LoadedSizeAsync(OllamaProvider host, string model, CancellationToken cancellationToken)
    {
        try
        {
            using CancellationTokenSource limit = Limit(cancellationToken);
            var running = (await host.ListRunningModelsAsync(limit.Token)).FirstOrDefault(m => OllamaModelName.SameModel(m.Name, model));
            return running is null ? (null, null) : (running.Size, running.SizeVram);
        }
        catch (Exception e) when (IsHostFailure(e, cancellationToken))
        {
            return (null, null);
        }
    }

    private ModelRequest Request(string model, BenchTaskShape shape, string runId, string repetition, int? context)
    {
        BenchPrompt prompt = prompts.Build(shape, runId, repetition);
        GenerationOptions options = new() { MaxTokens = shape.OutputTokens, ContextTokens = context };
        return shape.Kind == RequestKind.Completion
            ? new ModelRequest(model) { Prompt = prompt.Text, Suffix = prompt.Suffix, Options = options }
            : new ModelRequest(model) { Messages = [new ChatTurn("user", prompt.Text)], Options = options };
    }

    /// <summary>Keep warm when the user would wait on a load: a completion's load over a second, or any load longer than the
    /// whole warm answer; load on demand otherwise. Null when no cold figure was measured or predicted.</summary>
    private static string? Advise(RouteBench route)
    {
        double? cold = route.ColdLoadMs?.Median ?? route.PredictedColdLoadMs;
        if (cold is not { } load)
        {
            return null;
        }

        bool keep = route.Kind == RequestKind.Completion.Name()
            ? load > CompletionColdLoadLimit.TotalMilliseconds
            : load > (route.TotalMs?.Median ?? 0);
        return keep ? "keep warm" : "load on demand";
    }

    private static RouteBench Route(BenchRoutePlan plan, string status, string? note) =>
        new(plan.Tier.Name(), plan.Shape.Kind.Name(), plan.Endpoint.Name, plan.Model, status, note, plan.Shape.InputTokens, plan.Shape.OutputTokens);

    private CancellationTokenSource Limit(CancellationToken cancellationToken)
    {
        CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(invocation.RequestTimeout);
        return limit;
    }

    private static bool IsHostFailure(Exception e, CancellationToken cancellationToken) =>
        e is ProviderException or TimeoutException or HttpRequestException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private string Describe(Exception e) => e switch
    {
        OperationCanceledException => $"no answer within {invocation.RequestTimeout.TotalSeconds:0} s (--timeout)",
        ProviderException provider => OutwardRedactor.Default.Redact(provider.Message),
        _ => OutwardRedactor.Default.Redact(e.Message),
    };

    /// <summary>The machine a host runs on: this machine's name for a loopback URL, else the URL's host.</summary>
    private static string HostName(EndpointConfig endpoint) =>
        endpoint.Url is not { } url ? "cloud"
        : url.IsLoopback || (IPAddress.TryParse(url.Host, out IPAddress? ip) && IPAddress.IsLoopback(ip)) ? Environment.MachineName
        : url.Host;
}

using Router.Core.Configuration;
using Router.Core.Redaction;
using Router.Core.Requests;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime;
using Router.Runtime.Configuration;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;

namespace Router.Lsp.Status;

/// <summary>Sends <c>router/status</c> for the editor's status bar: what served the last request, each host's health, the
/// models warm on it and today's spend; and tells the user what to do when a host is down or a model missing, once per
/// problem until it is resolved (see <see cref="ProblemNotices"/>).</summary>
/// <remarks>A notice is a <c>router/status</c> message with a warning or error severity, a <c>window/logMessage</c>, and a
/// <c>window/showMessage</c> unless the client shows router/status messages itself (the Router extension does).</remarks>
internal sealed class StatusPublisher(RouterConfigSource config, RouterRuntime runtime, JsonRpcConnection client, TodayUsage? today = null)
{
    private readonly Lock _gate = new();
    private readonly ProblemNotices _problems = new();
    private DispatchResult? _last;
    private string? _lastModelSetting;
    private string? _lastSent;
    private (string? Message, string? Severity) _shown;

    /// <summary>Set at initialize when the client shows router/status messages itself, so a notice is not shown twice.</summary>
    public bool ClientShowsStatusMessages { get; set; }

    public double SpentTodayUsd() => runtime.SpentTodayUsd();

    /// <summary>A request was booked in the usage ledger: today's figures are read again when they are due.</summary>
    public void UsageBooked() => today?.Booked();

    /// <summary>Today's figures changed: the status again, with the message still shown, if any.</summary>
    public Task ResendAsync()
    {
        (string? message, string? severity) shown;
        lock (_gate)
        {
            shown = _shown;
        }

        return SendAsync(shown.message, shown.severity, CancellationToken.None);
    }

    /// <summary>Reports the route of an answer; a completion on the same route as the last one sends nothing new. A problem met
    /// on the way (a host skipped, a model missing) is told once.</summary>
    /// <param name="modelSetting">The editor setting that chose the model (<c>router.models.completion</c>), if one did.</param>
    public async Task ReportAnswerAsync(DispatchResult result, string? modelSetting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        string? message;
        lock (_gate)
        {
            _last = result;
            _lastModelSetting = modelSetting;
            IReadOnlyList<HostProblem> fresh = _problems.Observe(result.Attempts, out bool resolved, out _);
            resolved |= _problems.ObserveSuccess();
            message = fresh.Count == 0
                ? null
                : $"{result.DecidedTier.Name()} answered by {result.Model} on {result.Endpoint} instead: {Describe(fresh)}";
            string key = $"{result.Tier}|{result.Model}|{result.Endpoint}|{modelSetting}";
            if (message is null && !resolved && key == _lastSent && result.CostUsd == 0)
            {
                return;
            }

            _lastSent = key;
        }

        await SendAsync(message, message is null ? null : "warning", cancellationToken);
        if (message is not null)
        {
            await NotifyAsync(MessageType.Warning, message);
        }
    }

    /// <summary>A request no host could answer: tells the user what to do, unless every problem in it was told already.</summary>
    /// <param name="headline">What failed, e.g. "Completion (code qwen2.5-coder:14b) failed".</param>
    /// <param name="attempts">The dispatch's attempts; empty when the request never reached one.</param>
    /// <param name="summary">The failure in words, for a failure without attempts.</param>
    /// <param name="privacy">For a private request: why it was kept off the cloud and what would serve it, said instead of
    /// the hosts' problems (it names them); told once until a request is answered again.</param>
    public async Task ReportFailureAsync(
        string headline, IReadOnlyList<DispatchAttempt> attempts, string summary, PrivateFailureExplanation? privacy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        string message;
        lock (_gate)
        {
            IReadOnlyList<HostProblem> fresh = _problems.Observe(attempts, out _, out bool recognized);
            if (!recognized)
            {
                fresh = _problems.ObserveFailure(summary) is { } general ? [general] : [];
            }

            bool privacyFresh = privacy is not null && _problems.ObserveFailure(privacy.ToString()) is not null;
            if (fresh.Count == 0 && !privacyFresh)
            {
                // Told already and not resolved since: the status bar still shows it.
                return;
            }

            message = privacy is null ? $"{headline}: {Describe(fresh)}" : $"{headline}: {privacy}";
            _lastSent = null;
        }

        await SendAsync(message, "error", cancellationToken);
        await NotifyAsync(MessageType.Warning, message);
    }

    /// <summary>Text streamed from <paramref name="endpoint"/> with <paramref name="model"/> (an answer cut short on purpose):
    /// the host works, so a problem told about it is over.</summary>
    public Task ReportWorkingAsync(string endpoint, string model, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!(_problems.ObserveWorking(endpoint, model) | _problems.ObserveSuccess()))
            {
                return Task.CompletedTask;
            }

            _lastSent = null;
        }

        return SendAsync(null, null, cancellationToken);
    }

    public Task ReportProgressAsync(string message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _lastSent = null;
        }

        return SendAsync(message, "info", cancellationToken);
    }

    /// <summary>The status now, for the editor asking or a host's state changing.</summary>
    public RouterStatusParams Current(string? message = null, string? severity = null)
    {
        DispatchResult? last;
        string? setting;
        lock (_gate)
        {
            last = _last;
            setting = _lastModelSetting;
        }

        RouterConfig current = config.Policy.Config;
        RouterHostStatus[] hosts = [.. current.Endpoints.Values.Select(endpoint =>
        {
            EndpointHealthSnapshot state = runtime.Health.Snapshot(endpoint.Name);
            return new RouterHostStatus(
                endpoint.Name, state.State != EndpointCircuitState.Open, runtime.WarmModels(endpoint.Name), OutwardRedactor.Default.RedactOptional(state.LastError));
        })];
        return new RouterStatusParams(
            hosts, Math.Round(runtime.SpentTodayUsd(), 4), last?.Tier.Name(), last?.Model, last?.Endpoint, OutwardRedactor.Default.RedactOptional(message), severity)
        {
            ModelSetBy = setting,
            TodayShares = today?.Shares(),
        };
    }

    private string Describe(IReadOnlyList<HostProblem> problems) => string.Join("; ", problems.Select(Describe));

    /// <summary>The problem and what to do about it.</summary>
    private string Describe(HostProblem problem)
    {
        if (problem.Endpoint.Length == 0)
        {
            return problem.Reason;
        }

        bool ollama = config.Policy.Config.Endpoints.TryGetValue(problem.Endpoint, out EndpointConfig? endpoint) && endpoint.Provider == ProviderKind.Ollama;
        if (problem.Model is { } model)
        {
            return ollama
                ? $"{problem.Endpoint}: model {model} is missing — run `ollama pull {model}` on that host, or set another model"
                : $"{problem.Endpoint}: model {model} is not served there — check the model name in router.yaml or router.models";
        }

        string fix = problem.Reason switch
        {
            _ when problem.Reason.Contains("out of memory", StringComparison.Ordinal) => "the model does not fit there; set a smaller one",
            _ when problem.Reason.Contains("timeout", StringComparison.Ordinal) => ollama ? "the host is slow or stuck; check it with `ollama ps`" : "the host is slow or stuck",
            _ when ollama => "start Ollama there (`ollama serve`) or check its url in router.yaml",
            _ => "check the host's url and key in router.yaml",
        };
        return $"{problem.Endpoint}: {problem.Reason} — {fix}";
    }

    private async Task NotifyAsync(MessageType type, string message)
    {
        message = OutwardRedactor.Default.Redact(message);
        try
        {
            await client.LogMessageAsync(type, message, CancellationToken.None);
            if (!ClientShowsStatusMessages)
            {
                await client.ShowMessageAsync(type, "Router: " + message, CancellationToken.None);
            }
        }
        catch (IOException)
        {
            // The client is gone; nobody is left to tell.
        }
    }

    private async Task SendAsync(string? message, string? severity, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _shown = (message, severity);
        }

        try
        {
            await client.SendNotificationAsync(RouterMethods.Status, Current(message, severity), RouterJsonContext.Default.RouterStatusParams, cancellationToken);
        }
        catch (IOException)
        {
            // The client is gone; there is no status bar left to update.
        }
    }
}

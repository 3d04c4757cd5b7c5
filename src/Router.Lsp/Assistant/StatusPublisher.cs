using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Lsp.Configuration;
using Router.Protocol;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;

namespace Router.Lsp.Assistant;

/// <summary>Sends <c>router/status</c> for the editor's status bar: what served the last request, each host's health, the
/// models warm on it and today's spend, and in words what to do when something is wrong.</summary>
internal sealed class StatusPublisher(RouterConfigSource config, RouterRuntime runtime, JsonRpcConnection client)
{
    private readonly Lock _gate = new();
    private DispatchResult? _last;
    private string? _lastSent;

    public double SpentTodayUsd() => runtime.SpentTodayUsd();

    /// <summary>Reports the route of an answer; a completion on the same route as the last one sends nothing new.</summary>
    public Task ReportAnswerAsync(DispatchResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        string? message = result.FellBack
            ? $"{result.DecidedTier.Name()} answered by {result.Endpoint}: {FirstProblem(result)}"
            : null;
        string key = $"{result.Tier}|{result.Model}|{result.Endpoint}|{message}";
        lock (_gate)
        {
            _last = result;
            if (key == _lastSent && result.CostUsd == 0)
            {
                return Task.CompletedTask;
            }

            _lastSent = key;
        }

        return SendAsync(message, message is null ? null : "warning", cancellationToken);
    }

    public Task ReportFailureAsync(string message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _lastSent = null;
        }

        return SendAsync(message, "error", cancellationToken);
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
        lock (_gate)
        {
            last = _last;
        }

        RouterConfig current = config.Policy.Config;
        RouterHostStatus[] hosts = [.. current.Endpoints.Values.Select(endpoint =>
        {
            EndpointHealthSnapshot state = runtime.Health.Snapshot(endpoint.Name);
            return new RouterHostStatus(endpoint.Name, state.State != EndpointCircuitState.Open, runtime.WarmModels(endpoint.Name), state.LastError);
        })];
        return new RouterStatusParams(hosts, Math.Round(runtime.SpentTodayUsd(), 4), last?.Tier.Name(), last?.Model, last?.Endpoint, message, severity);
    }

    private async Task SendAsync(string? message, string? severity, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendNotificationAsync(LspMethods.RouterStatus, Current(message, severity), LspJsonContext.Default.RouterStatusParams, cancellationToken);
        }
        catch (IOException)
        {
            // The client is gone; there is no status bar left to update.
        }
    }

    private static string FirstProblem(DispatchResult result) =>
        result.Attempts.FirstOrDefault(attempt => attempt.Outcome != DispatchAttemptOutcome.Answered)?.Reason ?? "fell back";
}

using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime.Inventory;

namespace Router.Runtime.Dispatch;

/// <summary>The state of one dispatch: its attempts so far, its clock, the caller's event sink and the model facts looked up.</summary>
internal sealed class DispatchRun(
    DispatchRequest request,
    Func<DispatchEvent, CancellationToken, ValueTask>? onEvent,
    IModelStatusSource? status,
    TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly Dictionary<(string Endpoint, string Model), ModelStatus> _statuses = [];

    public RouteRequest Request => request.Request;
    public RouteDecision Decision => request.Decision;
    public RouterConfig Config => request.Config;
    public List<DispatchAttempt> Attempts { get; } = [];
    public int NextAttempt => Attempts.Count + 1;
    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    public ModelRequest Build(string model) => request.BuildModelRequest?.Invoke(model) ?? ModelPrompts.Build(request.Request, model);

    /// <summary>The raw fill-in-the-middle prompt for a host without <c>insert</c>, or null when the model has none.</summary>
    public ModelRequest? BuildRaw(string model) => request.BuildRawFillInTheMiddle?.Invoke(model);

    /// <summary>True for a completion with text after the cursor, which needs fill-in-the-middle.</summary>
    public bool FillsTheMiddle => Request.Kind == RequestKind.Completion && !string.IsNullOrEmpty(Request.Suffix);

    public ValueTask EmitAsync(DispatchEvent dispatchEvent, CancellationToken cancellationToken) =>
        onEvent?.Invoke(dispatchEvent, cancellationToken) ?? ValueTask.CompletedTask;

    /// <summary>What the host says about the model, asked once per dispatch; unknown without a status source or endpoint.</summary>
    public async ValueTask<ModelStatus> StatusAsync(string endpoint, string model, CancellationToken cancellationToken)
    {
        if (status is null || !Config.Endpoints.TryGetValue(endpoint, out EndpointConfig? config))
        {
            return ModelStatus.Unknown;
        }

        if (!_statuses.TryGetValue((endpoint, model), out ModelStatus? known))
        {
            known = await status.GetAsync(config, model, cancellationToken);
            _statuses[(endpoint, model)] = known;
        }

        return known;
    }
}

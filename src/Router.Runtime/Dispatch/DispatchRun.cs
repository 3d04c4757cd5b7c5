using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime.Budget;
using Router.Runtime.Inventory;

namespace Router.Runtime.Dispatch;

/// <summary>The state of one dispatch: its attempts so far, its clock, the caller's event sink and the model facts looked up.</summary>
internal sealed class DispatchRun(
    DispatchRequest request,
    Func<DispatchEvent, CancellationToken, ValueTask>? onEvent,
    IModelStatusSource? status,
    TimeProvider time,
    DispatchLimits limits,
    CancellationToken deadline)
{
    private readonly long _started = time.GetTimestamp();
    private readonly Dictionary<(string Endpoint, string Model), ModelStatus> _statuses = [];

    public RouteRequest Request => request.Request;
    public RouteDecision Decision => request.Decision;
    public RouterConfig Config => request.Config;
    public BudgetScope? BudgetScope => request.BudgetScope;
    public IReadOnlySet<Tier>? AllowedTiers => request.AllowedTiers;
    public bool RetriesAfterText => request.RetriesAfterText;
    public List<DispatchAttempt> Attempts { get; } = [];
    public int NextAttempt => Attempts.Count + 1;
    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    public DispatchLimits Limits => limits;

    /// <summary>Cancelled when the caller cancels or the request's overall deadline passes.</summary>
    public CancellationToken Deadline => deadline;

    /// <summary>The request's overall deadline passed (the caller did not cancel).</summary>
    public bool DeadlinePassed { get; set; }

    public ModelRequest Build(string model) => request.BuildModelRequest?.Invoke(model) ?? ModelPrompts.Build(request.Request, model);

    /// <summary>The raw fill-in-the-middle prompt for a host without <c>insert</c>, or null when the model has none.</summary>
    public ModelRequest? BuildRaw(string model) => request.BuildRawFillInTheMiddle?.Invoke(model);

    /// <summary>True for a completion with text after the cursor, which needs fill-in-the-middle.</summary>
    public bool FillsTheMiddle => Request.Kind == RequestKind.Completion && !string.IsNullOrEmpty(Request.Suffix);

    public ValueTask EmitAsync(DispatchEvent dispatchEvent, CancellationToken cancellationToken) =>
        onEvent?.Invoke(dispatchEvent, cancellationToken) ?? ValueTask.CompletedTask;

    /// <summary>What the host says about the model, asked once per dispatch; unknown without a status source or endpoint,
    /// or when the request's deadline passes while the host is asked.</summary>
    public async ValueTask<ModelStatus> StatusAsync(string endpoint, string model, CancellationToken cancellationToken)
    {
        if (status is null || !Config.Endpoints.TryGetValue(endpoint, out EndpointConfig? config))
        {
            return ModelStatus.Unknown;
        }

        if (!_statuses.TryGetValue((endpoint, model), out ModelStatus? known))
        {
            using CancellationTokenSource both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
            try
            {
                known = await status.GetAsync(config, model, both.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
            {
                return ModelStatus.Unknown;
            }

            _statuses[(endpoint, model)] = known;
        }

        return known;
    }

    /// <summary>Whether the host says the model is in its memory now (past any cache); null when it cannot tell or in time.</summary>
    public async ValueTask<bool?> InMemoryNowAsync(string endpoint, string model, CancellationToken cancellationToken)
    {
        if (status is null || !Config.Endpoints.TryGetValue(endpoint, out EndpointConfig? config))
        {
            return null;
        }

        try
        {
            return await status.InMemoryNowAsync(config, model, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}

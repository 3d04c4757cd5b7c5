using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Runtime.Dispatch;

/// <summary>The time limits of one dispatch, by its request kind (see README "Failure behaviour").</summary>
/// <param name="Overall">The whole dispatch, every host tried included (completion, refactor); null: no overall limit.</param>
/// <param name="FirstToken">An attempt's wait for its first chunk before the host counts as stalled.</param>
/// <param name="Load">The longer first-chunk wait while the host reports it is loading the model.</param>
/// <param name="Idle">The longest silence between two chunks before the stream counts as stalled.</param>
internal sealed record DispatchLimits(TimeSpan? Overall, TimeSpan FirstToken, TimeSpan Load, TimeSpan Idle)
{
    public static DispatchLimits For(RequestKind kind, DeadlinesConfig deadlines, TimeSpan idle) => kind switch
    {
        // The user is typing: one short budget for everything, including a host that is loading.
        RequestKind.Completion => new(deadlines.Completion, deadlines.Completion, deadlines.Completion, Min(idle, deadlines.Completion)),
        RequestKind.Refactor => new(deadlines.Refactor, deadlines.FirstToken, deadlines.Load, idle),
        _ => new(null, deadlines.FirstToken, deadlines.Load, idle),
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

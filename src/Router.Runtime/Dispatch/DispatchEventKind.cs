namespace Router.Runtime.Dispatch;

/// <summary>What a <see cref="DispatchEvent"/> tells the caller while an answer is on its way.</summary>
public enum DispatchEventKind
{
    /// <summary>An attempt starts on an endpoint (skipped endpoints raise no event, they are in the result's attempts).</summary>
    Started,

    /// <summary>Something the user waits for, in words: "loading qwen2.5-coder:14b on gpu-box…".</summary>
    Progress,

    /// <summary>A piece of the answer.</summary>
    Text,

    /// <summary>The attempt that streamed text so far failed and another starts: discard the partial text.</summary>
    Restart,

    /// <summary>The answer was judged weak and is asked again one tier up: discard it, the new one streams next.</summary>
    Escalation,

    /// <summary>The tools the model asks the caller to call (<see cref="DispatchEvent.ToolCalls"/>), sent once as the answer ends.</summary>
    ToolCalls,
}

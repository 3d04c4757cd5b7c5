namespace Router.Runtime.Chat;

/// <summary>The <c>AdditionalProperties</c> keys <see cref="RoutingChatClient"/> reads from <c>ChatOptions</c> and writes on
/// its responses and updates.</summary>
public static class RoutingChatKeys
{
    /// <summary>In: the request kind, "chat" (default), "explain", "refactor" or "completion" (the text is the code before the cursor).</summary>
    public const string Kind = "router.kind";

    /// <summary>In: the path of the file the request is about (private path globs apply to it).</summary>
    public const string File = "router.file";

    /// <summary>In: the language id of that file.</summary>
    public const string Language = "router.language";

    /// <summary>In: for a completion, the code after the cursor (fill in the middle).</summary>
    public const string Suffix = "router.suffix";

    /// <summary>In: a tier the caller names ("code", "frontier"); the policy applies it within privacy and budget.</summary>
    public const string RequestedTier = "router.requested_tier";

    /// <summary>In: a model the caller names; a tier's model takes that tier, any other runs on the routed tier's endpoints,
    /// within privacy and budget.</summary>
    public const string RequestedModel = "router.requested_model";

    /// <summary>In: false keeps a weak answer as it is instead of retrying it one tier up (a caller that has already passed
    /// the streamed text on cannot take it back).</summary>
    public const string Escalate = "router.escalate";

    /// <summary>Out: the tier that answered ("quick", "code", "heavy", "frontier").</summary>
    public const string Tier = "router.tier";

    /// <summary>Out: the endpoint that answered.</summary>
    public const string Endpoint = "router.endpoint";

    /// <summary>Out: the tier the policy chose before run time.</summary>
    public const string DecidedTier = "router.decided_tier";

    /// <summary>Out: the model the policy chose before run time.</summary>
    public const string DecidedModel = "router.decided_model";

    /// <summary>Out: the endpoint the policy chose before run time.</summary>
    public const string DecidedEndpoint = "router.decided_endpoint";

    /// <summary>Out: the policy's reasons, in plain words (string[]).</summary>
    public const string Reasons = "router.reasons";

    /// <summary>Out: true when the request was private: no cloud endpoint saw any of it.</summary>
    public const string LocalOnly = "router.local_only";

    /// <summary>Out: true when another endpoint than the decided one answered, without escalation.</summary>
    public const string FellBack = "router.fell_back";

    /// <summary>Out: every attempt in order, endpoint, model and outcome (string[]).</summary>
    public const string Attempts = "router.attempts";

    /// <summary>Out: what happened to a weak answer; absent when it was not judged weak.</summary>
    public const string Escalation = "router.escalation";

    /// <summary>Out: cloud cost of the request in USD (double).</summary>
    public const string CostUsd = "router.cost_usd";

    /// <summary>Out, on streaming updates that carry no text: "route", "started", "progress", "restart" or "escalation". After a
    /// restart or an escalation the text streamed so far is void; the next text has a new message id.</summary>
    public const string Event = "router.event";

    /// <summary>Out, with <see cref="Event"/>: the line for the user ("loading … on gpu-box", "connection lost to …").</summary>
    public const string Note = "router.note";
}

namespace Router.Runtime.Dispatch;

/// <summary>How an attempt's wait for its first chunk ended.</summary>
/// <param name="Loading">The host showed that it was loading the model.</param>
/// <param name="StallReason">Why the wait gave up (the attempt was cancelled for it); null when the first chunk (or an error) came.</param>
internal sealed record FirstChunkWait(bool Loading, string? StallReason);

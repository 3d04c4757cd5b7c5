namespace Router.Backends.Providers;

/// <summary>A piece of a streamed answer. The final chunk has Done set and, when the server reports it, Usage.</summary>
public sealed record ModelChunk(string Text, bool Done, ModelUsage? Usage = null, string? DoneReason = null);

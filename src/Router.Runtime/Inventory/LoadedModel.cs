namespace Router.Runtime.Inventory;

/// <summary>A model in a host's memory now, from Ollama's <c>/api/ps</c> or from an answer it just gave.</summary>
/// <param name="Name">The name the host uses, e.g. "qwen2.5-coder:14b".</param>
/// <param name="SizeVramBytes">Memory on the GPU; null when known only from an answer.</param>
/// <param name="SizeBytes">Total memory the loaded model takes; null when known only from an answer.</param>
/// <param name="ExpiresAt">When the host will unload it; null when never or unknown.</param>
/// <param name="FromAnswer">Known from an answer the model just gave rather than from <c>/api/ps</c>.</param>
public sealed record LoadedModel(string Name, long? SizeVramBytes, long? SizeBytes, DateTimeOffset? ExpiresAt, bool FromAnswer);

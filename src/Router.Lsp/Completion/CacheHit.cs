namespace Router.Lsp.Completion;

/// <summary>What the cache has left to insert at a cursor, and the request whose model answer it is.</summary>
internal sealed record CacheHit(string Remainder, string? RequestId);

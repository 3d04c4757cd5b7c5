namespace Router.Runtime.Inventory;

/// <summary>An /api/show lookup, finished or in flight, and when it started.</summary>
internal sealed record CachedModelInfo(Task<ModelInfo> Info, DateTimeOffset FetchedAt);

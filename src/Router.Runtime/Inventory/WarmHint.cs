namespace Router.Runtime.Inventory;

/// <summary>A model that just answered on a host, so it is loaded there until <see cref="Until"/> (null: kept forever).</summary>
internal sealed record WarmHint(string Model, DateTimeOffset NotedAt, DateTimeOffset? Until);

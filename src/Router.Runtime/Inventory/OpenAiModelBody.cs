namespace Router.Runtime.Inventory;

/// <summary>One model of GET /v1/models; only its id matters here.</summary>
internal sealed record OpenAiModelBody(string? Id);

namespace Router.Runtime.Inventory;

/// <summary>GET /v1/models of an OpenAI-compatible server: {"object":"list","data":[{"id":...}]}.</summary>
internal sealed record OpenAiModelListBody(IReadOnlyList<OpenAiModelBody>? Data);

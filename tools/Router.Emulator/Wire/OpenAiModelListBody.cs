namespace Router.Emulator.Wire;

/// <summary>GET /v1/models: {"object":"list","data":[...]}.</summary>
internal sealed record OpenAiModelListBody(string Object, IReadOnlyList<OpenAiModelBody> Data);

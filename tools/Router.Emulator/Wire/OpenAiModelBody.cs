namespace Router.Emulator.Wire;

/// <summary>One model of GET /v1/models.</summary>
internal sealed record OpenAiModelBody(string Id, string Object, long Created, string OwnedBy);

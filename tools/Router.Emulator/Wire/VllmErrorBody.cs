using System.Text.Json.Serialization;

namespace Router.Emulator.Wire;

/// <summary>vLLM's ErrorResponse: {"object":"error","message":"...","type":"BadRequestError","param":null,"code":400}.</summary>
internal sealed record VllmErrorBody(string Object, string Message, string Type, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param, int Code);

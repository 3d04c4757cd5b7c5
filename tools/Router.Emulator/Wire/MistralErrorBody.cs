using System.Text.Json.Serialization;

namespace Router.Emulator.Wire;

/// <summary>Mistral's validation error: {"object":"error","message":{"detail":[...]},"type":"invalid_request_error","param":null,"code":null}.</summary>
internal sealed record MistralErrorBody(
    string Object,
    MistralErrorMessageBody Message,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code);

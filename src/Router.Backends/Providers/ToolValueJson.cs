using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Backends.Providers;

/// <summary>One value of a tool call's arguments written as JSON, the same way on every wire that carries them: a
/// <see cref="JsonElement"/> (what the gateway and the hosts hand over) as it is, anything else through
/// Microsoft.Extensions.AI's source-generated options, so trimmed and NativeAOT builds need no reflection for it.</summary>
public static class ToolValueJson
{
    public static void Write(Utf8JsonWriter json, object? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(json);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            default:
                JsonSerializer.Serialize(json, value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
                break;
        }
    }
}

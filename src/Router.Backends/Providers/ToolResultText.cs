using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Backends.Providers;

/// <summary>A tool's result as the text a model reads: a string as it is, anything else as compact JSON.</summary>
public static class ToolResultText
{
    private static readonly JsonSerializerOptions Compact = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    public static string Of(FunctionResultContent result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Json(result.Result);
    }

    /// <summary>Any value a tool call or result holds, as a string or compact JSON; "" for null.</summary>
    public static string Json(object? value) => value switch
    {
        null => "",
        string text => text,
        _ => JsonSerializer.Serialize(value, Compact.GetTypeInfo(value.GetType())),
    };
}

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Runtime.Chat;

/// <summary>Tool definitions, tool calls and tool results as the text a model is sent for them, for the privacy scan and the
/// token estimate.</summary>
internal static class ToolText
{
    /// <summary>A turn's text followed by each call (name and arguments) and each result it holds.</summary>
    public static string Of(ChatTurn turn)
    {
        if (!turn.Parts.Any(part => part is FunctionCallContent or FunctionResultContent))
        {
            return turn.Content;
        }

        StringBuilder text = new(turn.Content);
        foreach (AIContent part in turn.Parts)
        {
            switch (part)
            {
                case FunctionCallContent call:
                    Line(text).Append(call.Name).Append(' ').Append(Json(call.Arguments));
                    break;
                case FunctionResultContent result:
                    Line(text).Append(result.Result is string plain ? plain : Json(result.Result));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Each tool's name, description and parameter schema.</summary>
    public static string Of(IReadOnlyList<AITool> tools)
    {
        StringBuilder text = new();
        foreach (AITool tool in tools)
        {
            Line(text).Append(tool.Name).Append(": ").Append(tool.Description);
            if (tool is AIFunctionDeclaration function)
            {
                text.Append(' ').Append(function.JsonSchema.GetRawText());
            }
        }

        return text.ToString();
    }

    private static StringBuilder Line(StringBuilder text) => text.Length == 0 ? text : text.Append('\n');

    private static string Json(object? value) => value is null ? "" : JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)));
}

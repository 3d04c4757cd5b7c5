using System.Text;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Runtime.Chat;

/// <summary>The text a model is sent for tools (each one's name, description and parameter schema) and for the tool calls
/// (name and arguments) and results in a conversation, for the privacy scan and the token estimate.</summary>
internal static class ToolText
{
    /// <summary>Null when the conversation has no tools, calls or results.</summary>
    public static string? Of(IReadOnlyList<AITool>? tools, IEnumerable<ChatTurn> turns)
    {
        StringBuilder text = new();
        foreach (AITool tool in tools ?? [])
        {
            Line(text).Append(tool.Name).Append(": ").Append(tool.Description);
            if (tool is AIFunctionDeclaration function)
            {
                text.Append(' ').Append(function.JsonSchema.GetRawText());
            }
        }

        foreach (AIContent part in turns.SelectMany(turn => turn.Parts))
        {
            switch (part)
            {
                case FunctionCallContent call:
                    Line(text).Append(call.Name).Append(' ').Append(ToolResultText.Json(call.Arguments));
                    break;
                case FunctionResultContent result:
                    Line(text).Append(ToolResultText.Of(result));
                    break;
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static StringBuilder Line(StringBuilder text) => text.Length == 0 ? text : text.Append('\n');
}

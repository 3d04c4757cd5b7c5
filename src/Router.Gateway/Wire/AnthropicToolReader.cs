using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Anthropic's <c>tools</c> (name, description, input_schema) and <c>tool_choice</c> (auto, any, tool, none) as the
/// router's options. Anthropic's own server tools (web search, code execution, …) run at Anthropic and are refused.</summary>
internal static class AnthropicToolReader
{
    public static void Read(JsonElement body, ChatOptions options)
    {
        List<AITool> tools = [];
        foreach ((JsonElement tool, string at) in FieldError.Objects(FieldError.List(body, "tools", "tools"), "tools"))
        {
            if (FieldError.OptionalString(tool, "type", at) is { } type && type != "custom")
            {
                throw new GatewayException(
                    GatewayErrorKind.BadRequest, $"{at}.type: '{type}' is a tool Anthropic runs itself; this gateway passes tools the client runs (name and input_schema)")
                { Code = "unsupported_tools" };
            }

            if (JsonFields.Element(tool, "input_schema") is not { } schema)
            {
                throw FieldError.At(at + ".input_schema", "a JSON schema object is required");
            }

            tools.Add(ToolCallJson.Declaration(
                FieldError.RequiredString(tool, "name", at), FieldError.OptionalString(tool, "description", at), schema, at + ".input_schema"));
        }

        if (tools.Count > 0)
        {
            options.Tools = tools;
        }

        if (JsonFields.Element(body, "tool_choice") is not { } choice)
        {
            return;
        }

        FieldError.Object(choice, "tool_choice");
        options.ToolMode = FieldError.RequiredString(choice, "type", "tool_choice") switch
        {
            "auto" => ChatToolMode.Auto,
            "any" => ChatToolMode.RequireAny,
            "none" => ChatToolMode.None,
            "tool" => ChatToolMode.RequireSpecific(Named(FieldError.RequiredString(choice, "name", "tool_choice"), tools)),
            _ => throw FieldError.At("tool_choice.type", "must be auto, any, tool or none"),
        };
        if (JsonFields.Element(choice, "disable_parallel_tool_use") is { ValueKind: JsonValueKind.True })
        {
            options.AllowMultipleToolCalls = false;
        }
    }

    private static string Named(string name, List<AITool> tools) =>
        tools.Any(t => t.Name == name) ? name : throw FieldError.At("tool_choice.name", $"'{name}' is not one of the request's tools");
}

using System.Text.Json.Nodes;

namespace Router.Cli.Tests.Evaluation;

/// <summary>Builds one JSONL line of a labelled case: a request of `route --batch` plus "expect", "category" and "lang".</summary>
internal static class LabelledCase
{
    public static string Line(
        string id,
        string category,
        string? lang,
        string kind,
        string[] expectTiers,
        bool expectLocalOnly,
        string? text = null,
        string? prefix = null,
        string? file = null,
        string[]? files = null)
    {
        JsonObject line = new()
        {
            ["id"] = id,
            ["kind"] = kind,
            ["expect"] = new JsonObject
            {
                ["tiers"] = new JsonArray([.. expectTiers.Select(t => (JsonNode)JsonValue.Create(t))]),
                ["localOnly"] = expectLocalOnly,
            },
            ["category"] = category,
        };
        Set("lang", lang);
        Set("text", text);
        Set("prefix", prefix);
        Set("file", file);
        if (files is not null)
        {
            line["files"] = new JsonArray([.. files.Select(f => (JsonNode)JsonValue.Create(f))]);
        }

        return line.ToJsonString();

        void Set(string name, string? value)
        {
            if (value is not null)
            {
                line[name] = value;
            }
        }
    }
}

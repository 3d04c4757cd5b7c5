using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>What Ollama's chat and generate requests and replies share: the <c>options</c> object, and the fields of a
/// reply line.</summary>
internal static class OllamaFields
{
    public static ChatOptions Options(JsonElement body)
    {
        JsonElement options = JsonFields.Element(body, "options") is { ValueKind: JsonValueKind.Object } given ? given : default;
        bool has = options.ValueKind == JsonValueKind.Object;
        return new ChatOptions
        {
            MaxOutputTokens = has ? JsonFields.Count(options, "num_predict") : null,
            Temperature = has ? (float?)JsonFields.Number(options, "temperature") : null,
            StopSequences = has ? JsonFields.Strings(options, "stop") : null,
            AdditionalProperties = [],
        };
    }

    /// <summary>A model name as Ollama's clients send it: "router/auto:latest" is "router/auto".</summary>
    public static string Model(JsonElement body)
    {
        string model = JsonFields.String(body, "model") ?? JsonFields.String(body, "name") ?? "";
        return model.StartsWith("router/", StringComparison.Ordinal) && model.EndsWith(":latest", StringComparison.Ordinal)
            ? model[..^":latest".Length]
            : model;
    }

    public static void Begin(Utf8JsonWriter json, AnswerHead head)
    {
        json.WriteStartObject();
        json.WriteString("model", head.Model);
        json.WriteString("created_at", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>The closing fields of a reply's last line (done, why, token counts).</summary>
    public static void End(Utf8JsonWriter json, AnswerHead head, AnswerTail tail)
    {
        json.WriteBoolean("done", true);
        json.WriteString("done_reason", tail.CutByLength ? "length" : "stop");
        json.WriteNumber("total_duration", Math.Max(0, (DateTimeOffset.UtcNow - head.Created).Ticks * 100));
        json.WriteNumber("prompt_eval_count", tail.InputTokens ?? 0);
        json.WriteNumber("eval_count", tail.OutputTokens ?? 0);
    }
}

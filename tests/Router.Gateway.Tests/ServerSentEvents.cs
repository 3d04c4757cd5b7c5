using System.Text.Json;

namespace Router.Gateway.Tests;

/// <summary>A server-sent event stream read whole: each event's name (or null) and data.</summary>
internal static class ServerSentEvents
{
    public static List<(string? Event, string Data)> Parse(string body)
    {
        List<(string?, string)> events = [];
        foreach (string block in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            string? data = null;
            foreach (string line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
            }

            if (data is not null)
            {
                events.Add((name, data));
            }
        }

        return events;
    }

    /// <summary>The text of an OpenAI chat stream: every delta's content, in order.</summary>
    public static string OpenAiChatText(IEnumerable<(string? Event, string Data)> events) => string.Concat(
        events.Where(e => e.Data != "[DONE]")
            .Select(e => JsonDocument.Parse(e.Data).RootElement)
            .Where(root => root.TryGetProperty("choices", out JsonElement choices) && choices.GetArrayLength() > 0
                && choices[0].GetProperty("delta").TryGetProperty("content", out _))
            .Select(root => root.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()));
}

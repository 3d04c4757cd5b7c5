using System.Text.Json;

namespace Router.Emulator.Tests;

/// <summary>Reads server-sent events as the OpenAI and Anthropic clients do: "event:" names and "data:" payloads.</summary>
internal static class CloudShapes
{
    public static async Task<(HttpResponseMessage Response, List<(string? Event, string Data)> Events)> PostEventsAsync(
        HttpClient http, string path, string json)
    {
        var response = await http.PostAsync(new Uri(path, UriKind.Relative), EmulatorHttp.Json(json));
        var text = await response.Content.ReadAsStringAsync();
        var events = new List<(string? Event, string Data)>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            var data = "";
            foreach (var line in block.Split('\n'))
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

            events.Add((name, data));
        }

        return (response, events);
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

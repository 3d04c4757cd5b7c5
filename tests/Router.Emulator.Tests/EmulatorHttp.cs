using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Router.Emulator.Tests;

/// <summary>Plain-HTTP access to a running emulator, as any Ollama client would talk to it.</summary>
internal static class EmulatorHttp
{
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(20);

    public static Task<EmulatorServer> StartAsync(EmulatorOptions? options = null) =>
        EmulatorServer.StartAsync(options ?? new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);

    public static HttpClient Client(EmulatorServer emulator) =>
        new() { BaseAddress = emulator.BaseAddress, Timeout = Patience };

    public static StringContent Json(string json) =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpClient http, string path, string json)
    {
        var response = await http.PostAsync(new Uri(path, UriKind.Relative), Json(json));
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone());
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Posts and returns every NDJSON line of the streamed answer, parsed.</summary>
    public static async Task<(HttpResponseMessage Response, List<JsonElement> Lines)> PostStreamAsync(HttpClient http, string path, string json)
    {
        var response = await http.PostAsync(new Uri(path, UriKind.Relative), Json(json));
        var text = await response.Content.ReadAsStringAsync();
        var lines = new List<JsonElement>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            lines.Add(document.RootElement.Clone());
        }

        return (response, lines);
    }

    public static string[] PropertyNames(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    public static string[] Sorted(params string[] names) => names.Order(StringComparer.Ordinal).ToArray();

    public static CancellationToken Deadline() => new CancellationTokenSource(Patience).Token;
}

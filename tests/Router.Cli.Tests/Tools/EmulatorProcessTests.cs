using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Router.Cli.Tests.Processes;

namespace Router.Cli.Tests.Tools;

public sealed partial class EmulatorProcessTests
{
    [Fact]
    public async Task The_emulator_prints_its_url_and_answers_the_Ollama_API_there()
    {
        using RouterProcess emulator = RouterProcess.StartTool("router-emulator", "--port", "0", "--time-scale", "0");
        string url = await WaitForUrlAsync(emulator);
        using HttpClient http = new() { BaseAddress = new Uri(url) };

        JsonElement tags = await http.GetFromJsonAsync<JsonElement>("/api/tags");

        string[] names = [.. tags.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!)];
        Assert.Contains("qwen2.5-coder:14b", names);
        Assert.Contains("qwen2.5:3b", names);
    }

    [Fact]
    public async Task A_bad_profile_file_is_a_clear_error_naming_the_file()
    {
        string profile = Path.Combine(Path.GetTempPath(), $"router-bad-profile-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(profile, "{ \"models\": [ { \"name\": 42 } ] }");
        try
        {
            (int exit, _, string error) = await RouterProcess.RunToolAsync("router-emulator", TimeSpan.FromMinutes(1), "--port", "0", "--profile", profile);

            Assert.Equal(2, exit);
            Assert.Contains(Path.GetFileName(profile), error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(profile);
        }
    }

    private static async Task<string> WaitForUrlAsync(RouterProcess process)
    {
        using CancellationTokenSource limit = new(TimeSpan.FromMinutes(1));
        while (true)
        {
            Match match = UrlPattern().Match(process.StandardOutput);
            if (match.Success)
            {
                return match.Value;
            }

            await Task.Delay(50, limit.Token);
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex UrlPattern();
}

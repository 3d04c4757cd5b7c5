using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

/// <summary>Error replies as Ollama 0.12's server/routes.go writes them: status and {"error": message}, word for word.</summary>
public sealed class ErrorBodyTests
{
    [Theory]
    [InlineData("api/generate", """{"model":"ghost:7b","prompt":"hi"}""", 404, "model 'ghost:7b' not found")]
    [InlineData("api/chat", """{"model":"ghost:7b","messages":[{"role":"user","content":"hi"}]}""", 404, "model 'ghost:7b' not found")]
    [InlineData("api/show", """{"model":"ghost:7b"}""", 404, "model 'ghost:7b' not found")]
    [InlineData("api/generate", """{"prompt":"hi"}""", 404, "model '' not found")]
    [InlineData("api/chat", """{"messages":[]}""", 400, "model is required")]
    [InlineData("api/show", """{}""", 400, "model is required")]
    [InlineData("api/generate", """{"model":"qwen2.5:3b","prompt":"a","suffix":"b"}""", 400, "registry.ollama.ai/library/qwen2.5:3b does not support insert")]
    [InlineData("api/generate", """{"model":"qwen2.5:3b","prompt":"a","keep_alive":"soon"}""", 400, "time: invalid duration \"soon\"")]
    public async Task Each_failure_has_Ollamas_status_and_message(string path, string body, int status, string message)
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, error) = await PostAsync(http, path, body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Sorted("error"), PropertyNames(error));
        Assert.Equal(message, error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("api/generate")]
    [InlineData("api/chat")]
    [InlineData("api/show")]
    public async Task An_empty_body_is_a_missing_request_body(string path)
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, error) = await PostAsync(http, path, "");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("missing request body", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_unknown_path_is_gins_plain_text_404()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        using var response = await http.GetAsync(new Uri("api/nothing", UriKind.Relative));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("404 page not found", await response.Content.ReadAsStringAsync());
    }
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Router.Gateway.Wire;

namespace Router.Gateway.Tests.Wire;

/// <summary>A dialect's output with no server around it: a whole answer's JSON, or what a stream wrote to a response body.</summary>
internal static class WireRecorder
{
    public static JsonElement Whole(ApiDialect dialect, AnswerTail tail, string text = "")
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer))
        {
            dialect.WriteWhole(json, Head, text, tail);
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    /// <summary>What <paramref name="play"/> makes a dialect's stream write, as text.</summary>
    public static async Task<string> StreamAsync(ApiDialect dialect, GatewayAsk ask, Func<AnswerStream, Task> play)
    {
        DefaultHttpContext http = new();
        using MemoryStream body = new();
        http.Response.Body = body;
        using (AnswerStream stream = dialect.OpenStream(http.Response, Head, ask))
        {
            await play(stream);
        }

        await http.Response.BodyWriter.FlushAsync();
        return Encoding.UTF8.GetString(body.ToArray());
    }

    public static AnswerHead Head { get; } = new("router-1", "qwen2.5-coder:7b", DateTimeOffset.UnixEpoch);

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    /// <summary>The 400 a body gets from <paramref name="dialect"/>: it must name <paramref name="field"/>.</summary>
    public static void AssertRefused(ApiDialect dialect, string body, string field)
    {
        GatewayException error = Assert.Throws<GatewayException>(() => dialect.Read(Json(body)));
        Assert.Equal(GatewayErrorKind.BadRequest, error.Kind);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Router.Gateway.Wire;

/// <summary>A streamed <c>text_completion</c>: one event per piece of text.</summary>
internal sealed class OpenAiCompletionStream(HttpResponse response, AnswerHead head, bool includeUsage) : OpenAiStream(response, head, includeUsage)
{
    protected override string ObjectName => "text_completion";

    public override ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override ValueTask TextAsync(string text, CancellationToken cancellationToken) =>
        SendEventAsync(null, json => Event(json, text, null), cancellationToken);

    protected override void WriteFinish(Utf8JsonWriter json, string finishReason) => Event(json, "", finishReason);

    private void Event(Utf8JsonWriter json, string text, string? finish)
    {
        Begin(json);
        json.WriteStartArray("choices");
        OpenAiCompletionDialect.WriteChoice(json, text, finish);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

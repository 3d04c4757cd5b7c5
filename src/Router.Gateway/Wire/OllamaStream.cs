using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>A streamed Ollama reply, one JSON line per piece (a chat <c>message</c> or a generate <c>response</c>), the
/// last with <c>done: true</c>; a chat's tool calls come in one line of their own before it, as Ollama sends them; a line
/// holding <c>error</c> ends it early, as Ollama's own does.</summary>
internal sealed class OllamaStream(HttpResponse response, AnswerHead head, bool chat) : AnswerStream(response, head)
{
    public override ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override ValueTask TextAsync(string text, CancellationToken cancellationToken) =>
        SendLineAsync(json =>
        {
            OllamaFields.Begin(json, Head);
            Piece(json, text);
            json.WriteBoolean("done", false);
            json.WriteEndObject();
        }, cancellationToken);

    public override ValueTask ToolCallsAsync(IReadOnlyList<FunctionCallContent> calls, CancellationToken cancellationToken) =>
        chat
            ? SendLineAsync(json =>
            {
                OllamaFields.Begin(json, Head);
                OllamaChatDialect.WriteMessage(json, "", calls);
                json.WriteBoolean("done", false);
                json.WriteEndObject();
            }, cancellationToken)
            : base.ToolCallsAsync(calls, cancellationToken);

    public override ValueTask EndAsync(AnswerTail tail, CancellationToken cancellationToken) =>
        SendLineAsync(json =>
        {
            OllamaFields.Begin(json, Head);
            Piece(json, "");
            OllamaFields.End(json, Head, tail);
            json.WriteEndObject();
        }, cancellationToken);

    public override ValueTask FailAsync(string message, CancellationToken cancellationToken) =>
        SendLineAsync(json =>
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteEndObject();
        }, cancellationToken);

    private void Piece(Utf8JsonWriter json, string text)
    {
        if (chat)
        {
            OllamaChatDialect.WriteMessage(json, text);
        }
        else
        {
            json.WriteString("response", text);
        }
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>A streamed message: message_start; a text content block (start, deltas, stop) opened by the first text; a tool_use
/// block per tool call (start, its input as one input_json_delta, stop); message_delta with the stop reason and usage;
/// message_stop. An <c>error</c> event ends it early.</summary>
internal sealed class AnthropicMessagesStream(HttpResponse response, AnswerHead head) : AnswerStream(response, head)
{
    private int _blocks;
    private int? _openText;
    private bool _calledTools;

    public override ValueTask StartAsync(CancellationToken cancellationToken) =>
        SendEventAsync("message_start", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_start");
            json.WritePropertyName("message");
            AnthropicMessagesDialect.WriteMessage(json, Head, null, null);
            json.WriteEndObject();
        }, cancellationToken);

    public override async ValueTask TextAsync(string text, CancellationToken cancellationToken)
    {
        int index = await TextBlockAsync(cancellationToken);
        await DeltaAsync(index, "text_delta", "text", text, cancellationToken);
    }

    public override async ValueTask ToolCallsAsync(IReadOnlyList<FunctionCallContent> calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        await StopTextAsync(cancellationToken);
        for (int i = 0; i < calls.Count; i++)
        {
            FunctionCallContent call = calls[i];
            int position = i;
            int index = await StartBlockAsync(json =>
            {
                AnthropicMessagesDialect.WriteToolUse(json, call, position);
                json.WriteStartObject("input");
                json.WriteEndObject();
            }, cancellationToken);
            await DeltaAsync(index, "input_json_delta", "partial_json", ToolCallJson.ArgumentsText(call.Arguments), cancellationToken);
            await StopBlockAsync(index, cancellationToken);
            _calledTools = true;
        }
    }

    public override async ValueTask EndAsync(AnswerTail tail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tail);
        if (_blocks == 0)
        {
            // An empty answer still has its (empty) text block, as the API sends one.
            await TextBlockAsync(cancellationToken);
        }

        await StopTextAsync(cancellationToken);
        await SendEventAsync("message_delta", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_delta");
            json.WriteStartObject("delta");
            json.WriteString("stop_reason", AnthropicMessagesDialect.StopReason(tail, _calledTools || tail.ToolCalls.Count > 0));
            json.WriteNull("stop_sequence");
            json.WriteEndObject();
            json.WriteStartObject("usage");
            json.WriteNumber("output_tokens", tail.OutputTokens ?? 0);
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);
        await SendEventAsync("message_stop", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_stop");
            json.WriteEndObject();
        }, cancellationToken);
    }

    public override ValueTask FailAsync(string message, CancellationToken cancellationToken) =>
        SendEventAsync("error", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "error");
            json.WriteStartObject("error");
            json.WriteString("type", "api_error");
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);

    /// <summary>content_block_delta: a piece of block <paramref name="index"/>, a text's words or a tool input's JSON.</summary>
    private ValueTask DeltaAsync(int index, string type, string field, string value, CancellationToken cancellationToken) =>
        SendEventAsync("content_block_delta", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_delta");
            json.WriteNumber("index", index);
            json.WriteStartObject("delta");
            json.WriteString("type", type);
            json.WriteString(field, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);

    /// <summary>content_block_start for the next block, whose fields <paramref name="writeBlock"/> writes; returns its index.</summary>
    private async ValueTask<int> StartBlockAsync(Action<Utf8JsonWriter> writeBlock, CancellationToken cancellationToken)
    {
        int index = _blocks++;
        await SendEventAsync("content_block_start", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_start");
            json.WriteNumber("index", index);
            json.WriteStartObject("content_block");
            writeBlock(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);
        return index;
    }

    /// <summary>The open text block's index, started now if none is open.</summary>
    private async ValueTask<int> TextBlockAsync(CancellationToken cancellationToken) =>
        _openText ??= await StartBlockAsync(json =>
        {
            json.WriteString("type", "text");
            json.WriteString("text", "");
        }, cancellationToken);

    private async ValueTask StopTextAsync(CancellationToken cancellationToken)
    {
        if (_openText is { } index)
        {
            _openText = null;
            await StopBlockAsync(index, cancellationToken);
        }
    }

    private ValueTask StopBlockAsync(int index, CancellationToken cancellationToken) =>
        SendEventAsync("content_block_stop", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_stop");
            json.WriteNumber("index", index);
            json.WriteEndObject();
        }, cancellationToken);
}

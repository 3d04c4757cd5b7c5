using System.Text.Json;
using Router.Lsp.Contracts;

namespace Router.Lsp.Tests.Contracts;

/// <summary>Golden wire shapes of Router's own notifications.</summary>
public sealed class RouterMessageWireTests
{
    private static RouterJsonContext Json => RouterJsonContext.Default;

    [Fact]
    public void Status_and_answer_notifications_have_their_documented_shape()
    {
        RouterStatusParams status = new([new RouterHostStatus("gpu-box", false, [], "connection refused")], 0.25, "code", "qwen2.5-coder:14b", "laptop");
        RouterAnswerParams answer = new("a1", "Explain a.py:3-9", "explain", "It parses", Done: false, "quick", "qwen2.5:3b", "laptop");

        Assert.Equal(
            """{"hosts":[{"name":"gpu-box","healthy":false,"warmModels":[],"error":"connection refused"}],"spentTodayUsd":0.25,"tier":"code","model":"qwen2.5-coder:14b","endpoint":"laptop"}""",
            JsonSerializer.Serialize(status, Json.RouterStatusParams));
        Assert.Equal(
            """{"id":"a1","title":"Explain a.py:3-9","kind":"explain","markdown":"It parses","done":false,"tier":"quick","model":"qwen2.5:3b","endpoint":"laptop"}""",
            JsonSerializer.Serialize(answer, Json.RouterAnswerParams));
    }

    [Fact]
    public void Optional_fields_left_out_on_the_wire_read_back_as_null()
    {
        CompletionTraceParams trace = new("textDocument/inlineCompletion", "file:///a", "code", "m", "e", "failed", 12.5, 1, 2, false, 0, Error: "down");

        CompletionTraceParams roundTripped = JsonSerializer.Deserialize(JsonSerializer.Serialize(trace, Json.CompletionTraceParams), Json.CompletionTraceParams)!;

        Assert.Equal(trace, roundTripped);
        Assert.Null(roundTripped.PromptTokens);
    }
}

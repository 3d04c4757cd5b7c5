using System.Text.Json;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Protocol.Tests;

/// <summary>Golden wire shapes: camelCase names, nulls left out, enums as numbers, progress kinds present.</summary>
public sealed class WireShapeTests
{
    private static LspJsonContext Json => LspJsonContext.Default;

    [Fact]
    public void InitializeResult_has_the_LSP_shape()
    {
        InitializeResult result = new(
            new ServerCapabilities
            {
                PositionEncoding = PositionEncodingKind.Utf8,
                TextDocumentSync = new TextDocumentSyncOptions(true, TextDocumentSyncKind.Incremental),
                CompletionProvider = new CompletionOptions(ResolveProvider: false),
                InlineCompletionProvider = true,
            },
            new ClientInfo("router-lsp", "1.0"));

        Assert.Equal(
            """{"capabilities":{"positionEncoding":"utf-8","textDocumentSync":{"openClose":true,"change":2},"completionProvider":{"resolveProvider":false},"inlineCompletionProvider":true},"serverInfo":{"name":"router-lsp","version":"1.0"}}""",
            JsonSerializer.Serialize(result, Json.InitializeResult));
    }

    [Fact]
    public void InlineCompletionList_has_the_LSP_3_18_shape()
    {
        InlineCompletionList list = new([new InlineCompletionItem("x - 1", new Range(new Position(2, 4), new Position(2, 4)))]);

        Assert.Equal(
            """{"items":[{"insertText":"x - 1","range":{"start":{"line":2,"character":4},"end":{"line":2,"character":4}}}]}""",
            JsonSerializer.Serialize(list, Json.InlineCompletionList));
    }

    [Fact]
    public void Code_characters_are_not_html_escaped_on_the_wire()
    {
        byte[] message = JsonRpc.JsonRpcEnvelope.Result(
            new JsonRpc.RequestId(1),
            writer => JsonSerializer.Serialize(writer, new InlineCompletionItem("a < b && c + 'd'"), Json.InlineCompletionItem));

        Assert.Equal(
            """{"jsonrpc":"2.0","id":1,"result":{"insertText":"a < b && c + 'd'"}}""",
            System.Text.Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void Progress_values_carry_their_kind()
    {
        Assert.Equal(
            """{"token":"t","value":{"title":"Indexing","percentage":0,"kind":"begin"}}""",
            JsonSerializer.Serialize(new ProgressParams<WorkDoneProgressBegin>("t", new WorkDoneProgressBegin("Indexing", Percentage: 0)), Json.ProgressParamsWorkDoneProgressBegin));
        Assert.Equal(
            """{"token":"t","value":{"kind":"end"}}""",
            JsonSerializer.Serialize(new ProgressParams<WorkDoneProgressEnd>("t", new WorkDoneProgressEnd()), Json.ProgressParamsWorkDoneProgressEnd));
    }

    [Fact]
    public void Client_initialize_params_from_an_editor_are_read()
    {
        const string fromEditor = """
            {"processId":1234,"clientInfo":{"name":"Neovim","version":"0.10"},"rootUri":null,
             "capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]},"textDocument":{"inlineCompletion":{}},"window":{"workDoneProgress":true}},
             "trace":"off","workspaceFolders":null}
            """;

        InitializeParams parameters = JsonSerializer.Deserialize(fromEditor, Json.InitializeParams)!;

        Assert.Equal(1234, parameters.ProcessId);
        Assert.Equal(["utf-8", "utf-16"], parameters.Capabilities.General!.PositionEncodings!);
        Assert.True(parameters.Capabilities.Window!.WorkDoneProgress);
    }

    [Fact]
    public void Content_change_without_a_range_is_a_full_replacement()
    {
        DidChangeTextDocumentParams change = JsonSerializer.Deserialize(
            """{"textDocument":{"uri":"file:///a","version":3},"contentChanges":[{"text":"all"},{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"rangeLength":1,"text":"A"}]}""",
            Json.DidChangeTextDocumentParams)!;

        Assert.Null(change.ContentChanges[0].Range);
        Assert.Equal(new Position(0, 1), change.ContentChanges[1].Range!.End);
    }

    [Fact]
    public void Missing_required_field_is_rejected()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"textDocument":{"uri":"file:///a"}}""", Json.InlineCompletionParams));
    }
}

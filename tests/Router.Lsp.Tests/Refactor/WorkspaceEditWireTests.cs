using System.Text.Json;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Refactor;

public sealed class WorkspaceEditWireTests
{
    [Fact]
    public void Document_changes_are_written_as_the_protocol_spells_them_and_read_back()
    {
        Range start = new(new Position(0, 0), new Position(0, 0));
        WorkspaceEdit edit = new()
        {
            DocumentChanges =
            [
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier("file:///w/A.cs", 3), [new TextEdit(start, "x")]),
                new CreateFile("file:///w/B.cs", new CreateFileOptions(Overwrite: false, IgnoreIfExists: false)),
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier("file:///w/B.cs", null), [new TextEdit(start, "y")]),
            ],
        };

        string json = JsonSerializer.Serialize(edit, RouterJsonContext.Default.RouterRefactorResult.Options.GetTypeInfo(typeof(WorkspaceEdit)));

        Assert.Equal(
            """{"documentChanges":[{"textDocument":{"uri":"file:///w/A.cs","version":3},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"newText":"x"}]},"""
            + """{"uri":"file:///w/B.cs","options":{"overwrite":false,"ignoreIfExists":false},"kind":"create"},"""
            + """{"textDocument":{"uri":"file:///w/B.cs","version":null},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"newText":"y"}]}]}""",
            json);
        WorkspaceEdit read = (WorkspaceEdit)JsonSerializer.Deserialize(json, RouterJsonContext.Default.RouterRefactorResult.Options.GetTypeInfo(typeof(WorkspaceEdit)))!;
        Assert.Equal([typeof(TextDocumentEdit), typeof(CreateFile), typeof(TextDocumentEdit)], read.DocumentChanges!.Select(c => c.GetType()));
        Assert.Equal("file:///w/B.cs", ((CreateFile)read.DocumentChanges![1]).Uri);
        Assert.Null(((TextDocumentEdit)read.DocumentChanges[2]).TextDocument.Version);
    }
}

using System.Text.Json;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Protocol.Tests;

/// <summary>Golden wire shapes of code actions, commands and edits.</summary>
public sealed class EditorFeatureWireTests
{
    private static LspJsonContext Json => LspJsonContext.Default;

    private static Range Lines(int from, int to) => new(new Position(from, 0), new Position(to, 0));

    [Fact]
    public void A_lazy_code_action_carries_data_and_no_edit()
    {
        CodeAction action = new("Explain with AI") { Kind = CodeActionKinds.QuickFix, Data = JsonSerializer.SerializeToElement(new { id = 7 }) };

        Assert.Equal(
            """{"title":"Explain with AI","kind":"quickfix","data":{"id":7}}""",
            JsonSerializer.Serialize(action, Json.CodeAction));
    }

    [Fact]
    public void A_resolved_code_action_carries_a_workspace_edit_keyed_by_uri()
    {
        CodeAction action = new("Add error handling")
        {
            Kind = CodeActionKinds.RefactorRewrite,
            Edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>
            {
                ["file:///a.cs"] = [new TextEdit(Lines(1, 2), "try { }\n")],
            }),
        };

        Assert.Equal(
            """{"title":"Add error handling","kind":"refactor.rewrite","edit":{"changes":{"file:///a.cs":[{"range":{"start":{"line":1,"character":0},"end":{"line":2,"character":0}},"newText":"try { }\n"}]}}}""",
            JsonSerializer.Serialize(action, Json.CodeAction));
    }

    [Fact]
    public void A_command_is_named_command_on_the_wire_both_ways()
    {
        CodeAction action = new("Ask about this") { Command = new Command("Ask", "router.ask", [JsonSerializer.SerializeToElement("why")]) };

        string wire = JsonSerializer.Serialize(action, Json.CodeAction);
        CodeAction back = JsonSerializer.Deserialize(wire, Json.CodeAction)!;

        Assert.Equal("""{"title":"Ask about this","command":{"title":"Ask","command":"router.ask","arguments":["why"]}}""", wire);
        Assert.Equal("router.ask", back.Command!.CommandName);
    }

    [Fact]
    public void Code_action_params_from_an_editor_are_read()
    {
        const string fromEditor = """
            {"textDocument":{"uri":"file:///w/a.py"},"range":{"start":{"line":3,"character":0},"end":{"line":9,"character":4}},
             "context":{"diagnostics":[{"range":{"start":{"line":4,"character":0},"end":{"line":4,"character":1}},"message":"x"}],"only":["refactor"],"triggerKind":1}}
            """;

        CodeActionParams parameters = JsonSerializer.Deserialize(fromEditor, Json.CodeActionParams)!;

        Assert.Equal("file:///w/a.py", parameters.TextDocument.Uri);
        Assert.Equal(9, parameters.Range.End.Line);
        Assert.Single(parameters.Context.Diagnostics);
        Assert.Equal(["refactor"], parameters.Context.Only!);
    }

    [Fact]
    public void Execute_command_params_keep_their_arguments_raw()
    {
        const string fromEditor = """{"command":"router.explain","arguments":[{"uri":"file:///a.py","range":{"start":{"line":0,"character":0},"end":{"line":1,"character":0}}}],"workDoneToken":"w1"}""";

        ExecuteCommandParams parameters = JsonSerializer.Deserialize(fromEditor, Json.ExecuteCommandParams)!;

        Assert.Equal("router.explain", parameters.Command);
        Assert.Equal("file:///a.py", parameters.Arguments![0].GetProperty("uri").GetString());
        Assert.Equal("w1", parameters.WorkDoneToken!.Value.GetString());
    }

    [Fact]
    public void Server_capabilities_announce_resolvable_code_actions_and_commands()
    {
        ServerCapabilities capabilities = new()
        {
            CodeActionProvider = new CodeActionOptions([CodeActionKinds.QuickFix, CodeActionKinds.Refactor], ResolveProvider: true),
            ExecuteCommandProvider = new ExecuteCommandOptions(["router.explain"]),
        };

        Assert.Equal(
            """{"capabilities":{"codeActionProvider":{"codeActionKinds":["quickfix","refactor"],"resolveProvider":true},"executeCommandProvider":{"commands":["router.explain"]}}}""",
            JsonSerializer.Serialize(new InitializeResult(capabilities), Json.InitializeResult));
    }
}

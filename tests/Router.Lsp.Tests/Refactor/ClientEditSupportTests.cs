using System.Collections.Concurrent;
using System.Text.Json;
using Router.Lsp.Contracts;
using Router.Lsp.Refactor;
using Router.Protocol;
using Router.Protocol.Lsp;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Refactor;

public sealed class ClientEditSupportTests
{
    private const string Code = "int Twice(int x)\n{\n    return x * 2;\n}\n";
    private static readonly Range Whole = new(new Position(0, 0), new Position(4, 0));

    private static LspJsonContext Json => LspJsonContext.Default;

    private static RouterJsonContext RouterJson => RouterJsonContext.Default;

    // What eglot 1.9 says: it applies edits and takes documentChanges, and lists code actions but no lazy edits.
    private static ClientCapabilities LikeEglot => new(
        Workspace: new WorkspaceClientCapabilities(ApplyEdit: true, WorkspaceEdit: new WorkspaceEditClientCapabilities(DocumentChanges: true)),
        TextDocument: new TextDocumentClientCapabilities(new CodeActionClientCapabilities()));

    [Fact]
    public async Task A_client_that_cannot_resolve_edits_gets_each_refactor_as_a_command_whose_edit_the_server_applies()
    {
        ConcurrentQueue<ApplyWorkspaceEditParams> applied = new();
        await using LspHarness lsp = await StartLikeEglotAsync(edit =>
        {
            applied.Enqueue(edit);
            return new ApplyWorkspaceEditResult(true);
        });
        lsp.Provider.Answer = _ => "```csharp\nint Twice(int x) => checked(x * 2);\n```";
        await lsp.OpenAsync(Code);

        IReadOnlyList<CodeAction> actions = await lsp.Client.CodeActionAsync(
            new CodeActionParams(new TextDocumentIdentifier(LspHarness.Uri), Whole, new CodeActionContext([])), lsp.Timeout);
        CodeAction errorHandling = Assert.Single(actions, a => a.Title.StartsWith("Add error handling", StringComparison.Ordinal));
        Assert.Null(errorHandling.Data);
        Command command = errorHandling.Command!;
        Assert.Equal(RouterCommands.Refactor, command.CommandName);
        Assert.Empty(lsp.Provider.Requests);

        JsonElement result = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(command.CommandName, command.Arguments), lsp.Timeout);

        ApplyWorkspaceEditParams sent = Assert.Single(applied);
        TextEdit edit = Assert.Single(sent.Edit.Changes![LspHarness.Uri]);
        Assert.Equal("int Twice(int x) => checked(x * 2);\n", edit.NewText);
        string? message = result.Deserialize(RouterJson.RouterRefactorResult)!.Message;
        Assert.DoesNotContain("did not apply", message ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_the_editor_declines_is_reported_not_failed()
    {
        await using LspHarness lsp = await StartLikeEglotAsync(_ => new ApplyWorkspaceEditResult(false, "the user said no"));
        lsp.Provider.Answer = _ => "```csharp\nint Twice(int x) => checked(x * 2);\n```";
        await lsp.OpenAsync(Code);
        JsonElement argument = JsonSerializer.SerializeToElement(
            new RouterSelectionArguments(LspHarness.Uri, Whole, "Add error handling", Apply: true), RouterJson.RouterSelectionArguments);

        JsonElement result = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Refactor, [argument]), lsp.Timeout);

        Assert.Contains("did not apply the refactor: the user said no", result.Deserialize(RouterJson.RouterRefactorResult)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_resolves_edits_still_gets_lazy_refactors()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);
        await lsp.InitializeAsync(capabilities: LikeEglot with
        {
            TextDocument = new TextDocumentClientCapabilities(new CodeActionClientCapabilities(new CodeActionResolveSupport(["edit"]))),
        });
        await lsp.OpenAsync(Code);

        IReadOnlyList<CodeAction> actions = await lsp.Client.CodeActionAsync(
            new CodeActionParams(new TextDocumentIdentifier(LspHarness.Uri), Whole, new CodeActionContext([])), lsp.Timeout);

        CodeAction simplify = Assert.Single(actions, a => a.Title.StartsWith("Simplify", StringComparison.Ordinal));
        Assert.NotNull(simplify.Data);
        Assert.Null(simplify.Command);
    }

    /// <summary>A server whose client speaks like eglot and answers workspace/applyEdit with <paramref name="answer"/>.</summary>
    private static async Task<LspHarness> StartLikeEglotAsync(Func<ApplyWorkspaceEditParams, ApplyWorkspaceEditResult> answer)
    {
        LspHarness lsp = await LspHarness.StartAsync(
            initialize: false,
            client: client => client.Connection.AddRequestHandler(
                LspMethods.ApplyEdit, Json.ApplyWorkspaceEditParams, Json.ApplyWorkspaceEditResult, (edit, _) => ValueTask.FromResult(answer(edit))));
        await lsp.InitializeAsync(capabilities: LikeEglot);
        return lsp;
    }

    [Fact]
    public void Versioned_edits_become_the_plain_map_for_a_client_without_document_changes()
    {
        ClientEditSupport support = new();
        support.Read(new ClientCapabilities(Workspace: new WorkspaceClientCapabilities(
            ApplyEdit: true, WorkspaceEdit: new WorkspaceEditClientCapabilities(DocumentChanges: false))));
        TextEdit first = new(Whole, "a");
        TextEdit second = new(new Range(new Position(9, 0), new Position(9, 0)), "b");
        WorkspaceEdit versioned = new()
        {
            DocumentChanges =
            [
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier("file:///a.cs", 3), [first]),
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier("file:///b.cs", 7), [second]),
            ],
        };

        (WorkspaceEdit? plain, string? refusal) = support.Adapt(versioned);

        Assert.Null(refusal);
        Assert.Null(plain!.DocumentChanges);
        Assert.Equal([first], plain.Changes!["file:///a.cs"]);
        Assert.Equal([second], plain.Changes!["file:///b.cs"]);
    }

    [Fact]
    public void A_new_file_is_refused_with_a_reason_to_a_client_that_cannot_create_files()
    {
        ClientEditSupport support = new();
        support.Read(new ClientCapabilities(Workspace: new WorkspaceClientCapabilities(
            ApplyEdit: true, WorkspaceEdit: new WorkspaceEditClientCapabilities(DocumentChanges: true, ResourceOperations: ["rename"]))));
        WorkspaceEdit withNewFile = new()
        {
            DocumentChanges =
            [
                new CreateFile("file:///new.cs"),
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier("file:///new.cs", null), [new TextEdit(Whole, "class New {}")]),
            ],
        };

        (WorkspaceEdit? edit, string? refusal) = support.Adapt(withNewFile);

        Assert.Null(edit);
        Assert.Contains("create", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_that_states_nothing_is_taken_to_support_everything()
    {
        ClientEditSupport support = new();

        support.Read(new ClientCapabilities());

        Assert.True(support.ResolvesEdits && support.AppliesEdits && support.TakesDocumentChanges && support.CreatesFiles);
    }
}

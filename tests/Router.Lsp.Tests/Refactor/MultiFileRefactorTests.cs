using System.Text.Json;
using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Emulator;
using Router.Lsp.Contracts;
using Router.Lsp.Refactor;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Refactor;

public sealed class MultiFileRefactorTests
{
    private const string Calculator = "namespace Demo;\n\npublic static class Calculator\n{\n    public static int Twice(int x)\n    {\n        return x * 2;\n    }\n}\n";
    private const string Invoice = "namespace Demo;\n\npublic sealed class Invoice\n{\n    public int Total(int amount) => Calculator.Twice(amount);\n}\n";
    private const string Unrelated = "namespace Demo;\n\npublic sealed class Clock\n{\n    public int Hour => 12;\n}\n";
    private static readonly Range Method = new(new Position(4, 0), new Position(8, 0));

    private static RouterJsonContext Json => RouterJsonContext.Default;

    [Fact]
    public async Task Renaming_a_method_sends_the_files_that_call_it_and_edits_them_all_in_one_versioned_edit()
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        lsp.Provider.Answer = _ => Answer(
            ("src/Calculator.cs", Calculator.Replace("Twice", "Double", StringComparison.Ordinal)),
            ("src/Invoice.cs", Invoice.Replace("Twice", "Double", StringComparison.Ordinal)));

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Rename Twice to Double and update the callers");

        string prompt = lsp.Provider.Requests.Single().Messages![^1].Content;
        Assert.Contains("FILE: src/Invoice.cs", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Clock", prompt, StringComparison.Ordinal);
        Assert.Null(result.Edit!.Changes);
        TextDocumentEdit[] edits = [.. result.Edit.DocumentChanges!.Cast<TextDocumentEdit>()];
        Assert.Equal([(workspace.Uri("src/Calculator.cs"), 1), (workspace.Uri("src/Invoice.cs"), 1)], edits.Select(e => (e.TextDocument.Uri, e.TextDocument.Version!.Value)).Order());
        Assert.Equal(Calculator.Replace("Twice", "Double", StringComparison.Ordinal), Apply(Calculator, Assert.Single(edits, e => e.TextDocument.Uri.EndsWith("Calculator.cs", StringComparison.Ordinal)).Edits));
        Assert.Equal(Invoice.Replace("Twice", "Double", StringComparison.Ordinal), Apply(Invoice, Assert.Single(edits, e => e.TextDocument.Uri.EndsWith("Invoice.cs", StringComparison.Ordinal)).Edits));
        Assert.Contains("Refactored 2 files", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_code_to_a_named_new_file_creates_it_in_the_same_edit()
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        const string utils = "namespace Demo;\n\npublic static class MathUtils\n{\n    public static int Twice(int x) => x * 2;\n}\n";
        lsp.Provider.Answer = _ => Answer(("src/Calculator.cs", "namespace Demo;\n\npublic static class Calculator\n{\n}\n"), ("src/MathUtils.cs", utils));

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Move this method to MathUtils.cs");

        IReadOnlyList<DocumentChange> changes = result.Edit!.DocumentChanges!;
        CreateFile create = Assert.Single(changes.OfType<CreateFile>());
        Assert.Equal(workspace.Uri("src/MathUtils.cs"), create.Uri);
        TextDocumentEdit filled = Assert.Single(changes.OfType<TextDocumentEdit>(), e => e.TextDocument.Uri == create.Uri);
        Assert.Null(filled.TextDocument.Version);
        Assert.Equal(utils, Assert.Single(filled.Edits).NewText);
        Assert.True(IndexOf(changes, create) < IndexOf(changes, filled));
        Assert.Contains("src/MathUtils.cs (new)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_given_twice_is_edited_once_with_its_last_version()
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        string renamed = Invoice.Replace("Twice", "Double", StringComparison.Ordinal);
        lsp.Provider.Answer = _ => Answer(("src/Invoice.cs", Invoice.Replace("Twice", "Triple", StringComparison.Ordinal)), ("./src/Invoice.cs", renamed));

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Rename Twice to Double and update the callers");

        TextDocumentEdit edit = Assert.IsType<TextDocumentEdit>(Assert.Single(result.Edit!.DocumentChanges!));
        Assert.Equal(renamed, Apply(Invoice, edit.Edits));
    }

    [Fact]
    public async Task A_file_that_does_not_parse_escalates_one_tier_and_the_better_answer_is_offered()
    {
        using MultiFileWorkspace workspace = new();
        RouterConfig config = RouterConfigLoader.Load(TestConfig.Yaml() + "\nroutes:\n  refactor: code\n", "test.yaml", _ => null).Config!;
        await using LspHarness lsp = await StartAsync(workspace, RouterConfigSource.Fixed(config));
        await OpenAsync(lsp, workspace);
        string good = Invoice.Replace("Twice", "Double", StringComparison.Ordinal);
        lsp.Provider.Answer = request => Answer(
            ("src/Calculator.cs", Calculator.Replace("Twice", "Double", StringComparison.Ordinal)),
            ("src/Invoice.cs", request.Model == "qwen2.5-coder:14b" ? good.Replace("=> Calculator", "=> => Calculator", StringComparison.Ordinal) : good));

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Rename Twice to Double and update the callers");

        Assert.Equal(["qwen2.5-coder:14b", "qwen2.5-coder:32b"], lsp.Provider.Requests.Select(r => r.Model));
        Assert.Equal(2, result.Edit!.DocumentChanges!.Count);
        RouterDecisionInfo decision = (await DecisionsAsync(lsp))[0];
        Assert.Contains("src/Invoice.cs", decision.Escalation, StringComparison.Ordinal);
        Assert.Contains("does not parse", decision.Escalation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_still_does_not_parse_is_not_offered_and_the_message_names_it()
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        lsp.Provider.Answer = _ => Answer(("src/Invoice.cs", "namespace Demo;\npublic sealed class Invoice\n{\n    public int Total(int amount) => => 1;\n}\n"));

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Rename Twice to Double and update the callers");

        Assert.Null(result.Edit);
        Assert.Contains("src/Invoice.cs", result.Message, StringComparison.Ordinal);
        Assert.Contains("C# does not parse", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.cs", "outside the workspace")]
    [InlineData("/etc/cron.d/job.cs", "outside the workspace")]
    [InlineData("src/Clock.cs", "was not sent to the model")]
    public async Task An_answer_editing_a_file_outside_the_workspace_or_not_sent_is_refused_whole(string path, string reason)
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        lsp.Provider.Answer = _ => Answer(("src/Invoice.cs", Invoice.Replace("Twice", "Double", StringComparison.Ordinal)), (path, Unrelated));

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Rename Twice to Double and update the callers");

        Assert.Null(result.Edit);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Contains(path, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_a_file_sent_along_keeps_the_refactor_local()
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace, invoice: Invoice + "// Server=db01;User Id=sa;Password=Tr0ub4dor-x9q;\n");
        lsp.Provider.Answer = _ => Answer(("src/Invoice.cs", Invoice.Replace("Twice", "Double", StringComparison.Ordinal)));

        await RefactorAsync(lsp, workspace, "Rename Twice to Double and update the callers");

        RouterDecisionInfo decision = (await DecisionsAsync(lsp))[0];
        Assert.Contains(decision.Reasons, reason => reason.StartsWith("private:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_private_file_path_among_those_sent_keeps_the_refactor_local()
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        await lsp.Client.DidOpenAsync(new TextDocumentItem(workspace.Uri("src/secrets.json"), "json", 1, "{ \"twice\": 2 }\n"), lsp.Timeout);
        lsp.Provider.Answer = _ => Answer(("src/Calculator.cs", Calculator));

        await RefactorAsync(lsp, workspace, "Read the factor from secrets.json");

        Assert.Contains("FILE: src/secrets.json", lsp.Provider.Requests.Single().Messages![^1].Content, StringComparison.Ordinal);
        RouterDecisionInfo decision = (await DecisionsAsync(lsp))[0];
        Assert.Contains(decision.Reasons, reason => reason.StartsWith("private:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_instruction_about_the_selection_alone_stays_a_single_file_edit()
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        lsp.Provider.Answer = _ => "```csharp\n    public static int Twice(int x) => x * 2;\n```";

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Make it an expression body");

        Assert.DoesNotContain("Invoice", lsp.Provider.Requests.Single().Messages![^1].Content, StringComparison.Ordinal);
        Assert.Null(result.Edit!.DocumentChanges);
        TextEdit edit = Assert.Single(result.Edit.Changes![workspace.Uri("src/Calculator.cs")]);
        Assert.Equal(Method, edit.Range);
    }

    [Fact]
    public async Task Renaming_a_name_other_files_use_sends_them_but_renaming_a_local_does_not()
    {
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        lsp.Provider.Answer = request => request.Messages![0].Content == MultiFileRefactor.SystemInstruction
            ? Answer(("src/Invoice.cs", Invoice.Replace("Twice", "Double", StringComparison.Ordinal)))
            : "```csharp\n    public static int Twice(int value)\n    {\n        return value * 2;\n    }\n```";

        RouterRefactorResult method = await RefactorAsync(lsp, workspace, "Rename Twice to Double");
        RouterRefactorResult local = await RefactorAsync(lsp, workspace, "Rename x to value");

        Assert.NotNull(method.Edit!.DocumentChanges);
        Assert.Null(local.Edit!.DocumentChanges);
        Assert.Single(local.Edit.Changes!);
    }

    [Fact]
    public async Task A_named_file_that_exists_but_is_not_open_is_not_sent_and_the_message_says_to_open_it()
    {
        using MultiFileWorkspace workspace = new();
        File.WriteAllText(Path.Combine(workspace.Root, "src", "Ledger.cs"), "namespace Demo;\n");
        await using LspHarness lsp = await StartAsync(workspace);
        await OpenAsync(lsp, workspace);
        lsp.Provider.Answer = _ => "```csharp\n    public static int Twice(int x) => x * 2;\n```";

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Log each call in Ledger.cs");

        Assert.DoesNotContain("Ledger.cs", lsp.Provider.Requests.Single().Messages![^1].Content.Replace("Log each call in Ledger.cs", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Ledger.cs is not open in the editor", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multi_file_answer_from_the_emulator_over_http_becomes_one_edit()
    {
        await using EmulatorServer emulator = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        using ModelProviderPool providers = new();
        string yaml = TestConfig.Yaml().Replace("http://127.0.0.1:11434", emulator.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);
        using RouterConfigSource config = RouterConfigSource.Fixed(RouterConfigLoader.Load(yaml, "test.yaml", _ => null).Config!);
        using MultiFileWorkspace workspace = new();
        await using LspHarness lsp = await StartAsync(workspace, config, providers);
        await OpenAsync(lsp, workspace);
        emulator.SetFaults(
            new EmulatorFaultSet { Reply = Answer(("src/Invoice.cs", Invoice.Replace("Twice", "Double", StringComparison.Ordinal)), ("./src/Calculator.cs", Calculator.Replace("Twice", "Double", StringComparison.Ordinal))) },
            model: "qwen2.5-coder:32b");

        RouterRefactorResult result = await RefactorAsync(lsp, workspace, "Rename Twice to Double and update the callers");

        Assert.Equal(2, result.Edit!.DocumentChanges!.Count);
        EmulatorRequestRecord request = Assert.Single(emulator.Requests, r => r.Model == "qwen2.5-coder:32b");
        Assert.Contains("FILE: src/Invoice.cs", request.Prompt, StringComparison.Ordinal);
    }

    internal static string Answer(params (string Path, string Content)[] files) =>
        string.Concat(files.Select(file => $"FILE: {file.Path}\n```csharp\n{file.Content}```\n\n")) + "Renamed the method and its uses.";

    private static async Task<LspHarness> StartAsync(MultiFileWorkspace workspace, RouterConfigSource? config = null, IModelProviderSource? providers = null)
    {
        LspHarness lsp = await LspHarness.StartAsync(initialize: false, config: config, providers: providers);
        await lsp.InitializeAsync(rootUri: workspace.RootUri);
        return lsp;
    }

    private static async Task OpenAsync(LspHarness lsp, MultiFileWorkspace workspace, string invoice = Invoice)
    {
        await lsp.Client.DidOpenAsync(new TextDocumentItem(workspace.Uri("src/Calculator.cs"), "csharp", 1, Calculator), lsp.Timeout);
        await lsp.Client.DidOpenAsync(new TextDocumentItem(workspace.Uri("src/Invoice.cs"), "csharp", 1, invoice), lsp.Timeout);
        await lsp.Client.DidOpenAsync(new TextDocumentItem(workspace.Uri("src/Clock.cs"), "csharp", 1, Unrelated), lsp.Timeout);
    }

    private static async Task<RouterRefactorResult> RefactorAsync(LspHarness lsp, MultiFileWorkspace workspace, string instruction)
    {
        JsonElement argument = JsonSerializer.SerializeToElement(new RouterSelectionArguments(workspace.Uri("src/Calculator.cs"), Method, instruction), Json.RouterSelectionArguments);
        JsonElement result = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Refactor, [argument]), lsp.Timeout);
        return result.Deserialize(Json.RouterRefactorResult)!;
    }

    private static async Task<IReadOnlyList<RouterDecisionInfo>> DecisionsAsync(LspHarness lsp)
    {
        JsonElement why = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.WhyThisModel), lsp.Timeout);
        return why.Deserialize(Json.RouterDecisionsResult)!.Decisions;
    }

    private static int IndexOf(IReadOnlyList<DocumentChange> changes, DocumentChange change) => changes.ToList().IndexOf(change);

    /// <summary>Applies edits of whole lines (as the server makes them) to a text with '\n' line ends.</summary>
    private static string Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        string[] lines = text.Split('\n');
        int Offset(Position p) => lines.Take(p.Line).Sum(l => l.Length + 1) + p.Character;
        foreach (TextEdit edit in edits.OrderByDescending(e => e.Range.Start.Line).ThenByDescending(e => e.Range.Start.Character))
        {
            text = string.Concat(text.AsSpan(0, Offset(edit.Range.Start)), edit.NewText, text.AsSpan(Offset(edit.Range.End)));
        }

        return text;
    }
}

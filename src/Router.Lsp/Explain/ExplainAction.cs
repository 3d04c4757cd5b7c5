using System.Text.Json;
using Router.Core.Requests;
using Router.Lsp.Assistant;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;

namespace Router.Lsp.Explain;

/// <summary>"Explain with AI": offered on any selection as a quick fix, and answered by streaming the quick tier's explanation
/// of the selection alone (the model's instructions say what to do with it) as <c>router/answer</c> notifications.</summary>
internal static class ExplainAction
{
    public const string Title = "Explain with AI";

    /// <summary>How the editor's progress names the work while it runs.</summary>
    public const string Verb = "Explaining";

    /// <summary>The code action a selection offers; it runs <see cref="RouterCommands.Explain"/> on the same selection.</summary>
    public static CodeAction Offer(RouterSelectionArguments selection) => new(Title)
    {
        Kind = CodeActionKinds.QuickFix,
        Command = new Command(Title, RouterCommands.Explain, [JsonSerializer.SerializeToElement(selection, RouterJsonContext.Default.RouterSelectionArguments)]),
    };

    /// <summary>What the assistant is asked for a selection.</summary>
    public static AssistantAsk Ask(RouterSelectionArguments selection) => new(RequestKind.Explain, selection.Uri, selection.Range, null);
}

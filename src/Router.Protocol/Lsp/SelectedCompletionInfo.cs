namespace Router.Protocol.Lsp;

/// <summary>The completion item currently selected in the editor's widget, if any.</summary>
public sealed record SelectedCompletionInfo(Range Range, string Text);

namespace Router.Lsp.Completion;

/// <summary>The text a completion request answers with, and the id its accept is booked under (null when nothing is shown
/// or the answer was never booked).</summary>
internal sealed record ShownCompletion(string Text, string? RequestId)
{
    public static ShownCompletion None { get; } = new("", null);
}

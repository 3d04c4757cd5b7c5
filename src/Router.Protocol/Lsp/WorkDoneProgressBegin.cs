namespace Router.Protocol.Lsp;

/// <summary>Starts a work-done progress report.</summary>
public sealed record WorkDoneProgressBegin(string Title, bool? Cancellable = null, string? Message = null, int? Percentage = null)
{
    public string Kind { get; init; } = "begin";
}

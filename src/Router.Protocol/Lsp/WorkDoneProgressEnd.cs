namespace Router.Protocol.Lsp;

/// <summary>Ends a work-done progress report.</summary>
public sealed record WorkDoneProgressEnd(string? Message = null)
{
    public string Kind { get; init; } = "end";
}

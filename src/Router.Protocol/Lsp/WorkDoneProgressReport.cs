namespace Router.Protocol.Lsp;

/// <summary>Reports progress of running work.</summary>
public sealed record WorkDoneProgressReport(string? Message = null, int? Percentage = null, bool? Cancellable = null)
{
    public string Kind { get; init; } = "report";
}

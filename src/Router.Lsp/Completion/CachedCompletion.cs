namespace Router.Lsp.Completion;

/// <summary>A completion shown at a cursor, with enough of the text around it to recognise the same place later.</summary>
/// <param name="Cursor">The cursor's offset in the document when the completion was made.</param>
/// <param name="Before">The text just before the cursor then.</param>
/// <param name="After">The text just after the cursor then.</param>
/// <param name="RequestId">The request that asked the model for it, which an accept of it is booked to.</param>
internal sealed record CachedCompletion(string DocumentUri, int Cursor, string Before, string After, string Completion, string? RequestId);

namespace Router.Lsp.Contracts;

/// <summary>Parameters of the <c>router/completionTrace</c> notification: what one completion request did.
/// Sent only to clients that pass <c>{"completionTraces": true}</c> as initializationOptions.</summary>
/// <param name="Method">The LSP method that asked: textDocument/inlineCompletion or textDocument/completion.</param>
/// <param name="DocumentUri">The document.</param>
/// <param name="Tier">The tier the routing policy chose, e.g. "code".</param>
/// <param name="Model">The model asked.</param>
/// <param name="Endpoint">The endpoint name of the host asked.</param>
/// <param name="Outcome">completed, empty, cancelled or failed.</param>
/// <param name="LatencyMs">Server-side latency of the request.</param>
/// <param name="PrefixTokens">Estimated tokens of the prefix sent.</param>
/// <param name="SuffixTokens">Estimated tokens of the suffix sent.</param>
/// <param name="MultiLine">Whether a multi-line completion was allowed.</param>
/// <param name="CompletionLength">Characters shown to the user.</param>
/// <param name="TimeToFirstChunkMs">Time to the model's first streamed chunk, when one arrived.</param>
/// <param name="PromptTokens">Prompt tokens as the model server counted them, when reported.</param>
/// <param name="OutputTokens">Generated tokens as the model server counted them, when reported.</param>
/// <param name="Error">The backend error, for failed requests.</param>
public sealed record CompletionTraceParams(
    string Method,
    string DocumentUri,
    string Tier,
    string Model,
    string Endpoint,
    string Outcome,
    double LatencyMs,
    int PrefixTokens,
    int SuffixTokens,
    bool MultiLine,
    int CompletionLength,
    double? TimeToFirstChunkMs = null,
    int? PromptTokens = null,
    int? OutputTokens = null,
    string? Error = null);

using Router.Backends.Providers;

namespace Router.Lsp.Completion;

/// <summary>What happened for one completion request, reported to <see cref="LspServerOptions.CompletionObserver"/>.</summary>
/// <param name="Method">The LSP method: <c>textDocument/inlineCompletion</c> or <c>textDocument/completion</c>.</param>
/// <param name="DocumentUri">The document the completion was for.</param>
/// <param name="Tier">The tier the routing policy chose ("code"); empty when the request could not be routed.</param>
/// <param name="Model">The model asked.</param>
/// <param name="Endpoint">The endpoint name of the provider asked.</param>
/// <param name="Outcome">How the request ended.</param>
/// <param name="Latency">From the request's start on the server to its answer.</param>
/// <param name="TimeToFirstChunk">From the request's start to the model's first streamed chunk; null if none arrived.</param>
/// <param name="PrefixTokens">Estimated tokens of the prefix sent.</param>
/// <param name="SuffixTokens">Estimated tokens of the suffix sent.</param>
/// <param name="MultiLine">Whether a multi-line completion was allowed.</param>
/// <param name="CompletionLength">Characters of the completion shown (0 when empty).</param>
/// <param name="Usage">Token counts and timings as the model server reported them, when it did.</param>
/// <param name="Error">The backend error message for <see cref="CompletionOutcome.Failed"/>.</param>
public sealed record CompletionTrace(
    string Method,
    string DocumentUri,
    string Tier,
    string Model,
    string Endpoint,
    CompletionOutcome Outcome,
    TimeSpan Latency,
    TimeSpan? TimeToFirstChunk,
    int PrefixTokens,
    int SuffixTokens,
    bool MultiLine,
    int CompletionLength,
    ModelUsage? Usage,
    string? Error);

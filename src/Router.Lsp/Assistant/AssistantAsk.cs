using Router.Core.Requests;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Assistant;

/// <summary>What the user asked for: explain or refactor a selection, or a question about it.</summary>
/// <param name="Instruction">The refactor's instruction or the chat question; null for explain.</param>
internal sealed record AssistantAsk(RequestKind Kind, string? Uri, Range? Range, string? Instruction);

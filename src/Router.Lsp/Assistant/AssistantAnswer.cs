using Router.Runtime.Dispatch;

namespace Router.Lsp.Assistant;

/// <summary>An answer the user got: its id (as in <c>router/answer</c>), the selection it was about and how it was served.</summary>
internal sealed record AssistantAnswer(string Id, string Selection, DispatchResult Result);

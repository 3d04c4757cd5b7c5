using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Contracts;

/// <summary>Argument of <c>router.ask</c>: the question and, when the user has one, the selection it is about.</summary>
public sealed record RouterAskArguments(string Prompt, string? Uri = null, Range? Range = null);

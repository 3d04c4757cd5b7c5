namespace Router.Protocol.Lsp;

/// <summary>Argument of <c>router.ask</c>: the question and, when the user has one, the selection it is about.</summary>
public sealed record RouterAskArguments(string Prompt, string? Uri = null, Range? Range = null);

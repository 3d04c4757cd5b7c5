namespace Router.Lsp.Completion;

/// <summary>The text before and after the cursor sent to the model, and whether a multi-line answer is wanted.</summary>
internal sealed record FillInTheMiddleContext(string Prefix, string Suffix, bool MultiLine, int PrefixTokens, int SuffixTokens);

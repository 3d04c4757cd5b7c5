namespace Router.Protocol.Lsp;

/// <summary>Code action kinds on the wire (hierarchical, dot-separated).</summary>
public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string RefactorRewrite = "refactor.rewrite";
    public const string RefactorExtract = "refactor.extract";
}

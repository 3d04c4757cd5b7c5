namespace Router.Lsp.Contracts;

/// <summary>Router's own notification names, server to client (see docs/protocol.md).</summary>
public static class RouterMethods
{
    /// <summary>One completion's trace (see <see cref="CompletionTraceParams"/>).</summary>
    public const string CompletionTrace = "router/completionTrace";

    /// <summary>Status for a status bar (see <see cref="RouterStatusParams"/>).</summary>
    public const string Status = "router/status";

    /// <summary>An explain or chat answer as it streams (see <see cref="RouterAnswerParams"/>).</summary>
    public const string Answer = "router/answer";
}

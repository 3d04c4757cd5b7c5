namespace Router.Core.Tokens;

/// <summary>Counts byte-pair-encoding tokens (tiktoken-compatible ranks). (Stub: replaced by its owner.)</summary>
public sealed class TokenCounter
{
    private readonly int _charsPerToken = 4;

    public static TokenCounter Default { get; } = new();

    public int Count(string text) => (text.Length + _charsPerToken - 1) / _charsPerToken;
}

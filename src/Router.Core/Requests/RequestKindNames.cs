using System.Diagnostics.CodeAnalysis;

namespace Router.Core.Requests;

/// <summary>The wire names of <see cref="RequestKind"/> values ("completion", "explain", "refactor", "chat").</summary>
public static class RequestKindNames
{
    public static string Name(this RequestKind kind) => kind switch
    {
        RequestKind.Completion => "completion",
        RequestKind.Explain => "explain",
        RequestKind.Refactor => "refactor",
        RequestKind.Chat => "chat",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown request kind"),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out RequestKind? kind)
    {
        kind = name?.Trim().ToUpperInvariant() switch
        {
            "COMPLETION" => RequestKind.Completion,
            "EXPLAIN" => RequestKind.Explain,
            "REFACTOR" => RequestKind.Refactor,
            "CHAT" => RequestKind.Chat,
            _ => null,
        };
        return kind is not null;
    }
}

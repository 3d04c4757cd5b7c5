using Router.Core.Requests;

namespace Router.Core.Policy;

/// <summary>Models the user named per request kind (the editor's <c>router.models.*</c> settings); an empty or missing
/// name leaves the routed model.</summary>
public sealed record ModelOverrides(string? Completion = null, string? Explain = null, string? Refactor = null, string? Chat = null)
{
    /// <summary>No override: every request as routed.</summary>
    public static ModelOverrides None { get; } = new();

    /// <summary>The model named for <paramref name="kind"/>, or null when none is.</summary>
    public string? For(RequestKind kind)
    {
        string? model = kind switch
        {
            RequestKind.Completion => Completion,
            RequestKind.Explain => Explain,
            RequestKind.Refactor => Refactor,
            RequestKind.Chat => Chat,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(model) ? null : model.Trim();
    }

    /// <summary>The setting's name as the user sees it: <c>router.models.explain</c>.</summary>
    public static string SettingName(RequestKind kind) => "router.models." + kind.Name();
}

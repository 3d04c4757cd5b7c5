namespace Router.Runtime.Inventory;

/// <summary>What Ollama's /api/show says about one model; a null field is unknown.</summary>
internal sealed record ModelInfo(bool? SupportsInsert, bool? SupportsVision, int? ContextTokens)
{
    public static ModelInfo Unknown { get; } = new(null, null, null);
}

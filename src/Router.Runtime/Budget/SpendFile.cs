namespace Router.Runtime.Budget;

/// <summary>The spend file's content: a version and one record per day kept.</summary>
internal sealed record SpendFile(int Version, IReadOnlyList<SpendFileDay>? Days)
{
    public const int CurrentVersion = 1;
}

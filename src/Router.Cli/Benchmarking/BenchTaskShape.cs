using Router.Core.Requests;

namespace Router.Cli.Benchmarking;

/// <summary>A request shaped like what the editor sends for a kind: tokens in and out.</summary>
internal sealed record BenchTaskShape(RequestKind Kind, int InputTokens, int OutputTokens)
{
    public static BenchTaskShape Completion { get; } = new(RequestKind.Completion, 1500, 32);

    public static BenchTaskShape Explain { get; } = new(RequestKind.Explain, 400, 200);

    public static BenchTaskShape Refactor { get; } = new(RequestKind.Refactor, 3000, 800);

    public static BenchTaskShape Chat { get; } = new(RequestKind.Chat, 200, 400);

    /// <summary>The kinds a tier serves in the routing policy, first the one it exists for.</summary>
    public static IReadOnlyList<BenchTaskShape> ForTier(Tier tier) => tier switch
    {
        Tier.Code => [Completion, Chat],
        Tier.Quick => [Explain, Chat],
        Tier.Heavy or Tier.Frontier => [Refactor],
        _ => [Chat],
    };
}

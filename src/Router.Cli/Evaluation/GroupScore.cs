namespace Router.Cli.Evaluation;

/// <summary>The cases of one category or one language: how many, how many on an expected tier, how many right on tier and privacy.</summary>
internal sealed record GroupScore(string Name, int Cases, int TierRight, int Passed)
{
    public double TierAccuracy => EvalPercent.Of(TierRight, Cases, 0);
}

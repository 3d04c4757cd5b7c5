namespace Router.Cli.Evaluation;

/// <summary>The overall figures, defined as score.py defines them. Cases that could not be routed count in
/// <see cref="Cases"/> (so against accuracy) but neither as private nor as public.</summary>
/// <param name="KeptLocal">Private cases decided localOnly and not on frontier.</param>
/// <param name="Leaks">Private cases that were not kept local.</param>
/// <param name="FalsePrivateCases">Public cases decided localOnly.</param>
/// <param name="BadLines">Lines that were not usable cases; not counted in <see cref="Cases"/>.</param>
internal sealed record EvalTotals(
    int Cases,
    int TierRight,
    int PrivateCases,
    int KeptLocal,
    int Leaks,
    int PublicCases,
    int FalsePrivateCases,
    int RouteErrors,
    int BadLines)
{
    public double TierAccuracy => EvalPercent.Of(TierRight, Cases, 0);

    /// <summary>Kept-local private cases over private cases; 1 when there are none.</summary>
    public double PrivacyRecall => EvalPercent.Of(KeptLocal, PrivateCases, 1);

    /// <summary>The share of public cases decided localOnly; 0 when there are none.</summary>
    public double FalsePrivate => EvalPercent.Of(FalsePrivateCases, PublicCases, 0);
}

namespace Router.Core.Signals;

/// <summary>Every signal found in a request, and the strongest class they add up to.</summary>
public sealed record ContentAnalysis(IReadOnlyList<ContentSignal> Signals)
{
    /// <summary>The score a class needs before it decides a chat; a lone weak hint (a language name) stays below it.</summary>
    public const double Threshold = 1.5;

    public double Score(SignalClass signalClass) => Signals.Where(s => s.Class == signalClass).Sum(s => s.Weight);

    /// <summary>The class with the highest score at or above <see cref="Threshold"/>; ties go to the policy's order
    /// (image, reasoning, code, wide). Null when nothing reaches the threshold.</summary>
    public SignalClass? Winner
    {
        get
        {
            SignalClass? best = null;
            double bestScore = Threshold - 1e-9;
            foreach (SignalClass candidate in (SignalClass[])[SignalClass.Image, SignalClass.Reasoning, SignalClass.Code, SignalClass.Wide])
            {
                double score = Score(candidate);
                if (score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            return best;
        }
    }

    /// <summary>"stack trace, error message": the names of a class's signals, strongest first.</summary>
    public string Describe(SignalClass signalClass) =>
        string.Join(", ", Signals.Where(s => s.Class == signalClass).OrderByDescending(s => s.Weight).Select(s => s.Name));

    public bool Has(SignalClass signalClass) => Signals.Any(s => s.Class == signalClass);
}
